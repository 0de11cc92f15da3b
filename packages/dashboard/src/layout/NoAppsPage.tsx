import { can, useSignedIn } from '../session-context';
import { CreateAppForm } from '../settings/CreateAppForm';
import { Empty } from '../ui/states';
import { useTitle } from '../use-title';

/** Signed in, but no application to show: create one, or wait for one to be shared. */
export function NoAppsPage() {
  const { me } = useSignedIn();
  useTitle('Welcome');
  if (!can(me, 'apps.manage')) {
    return (
      <Empty title="No application has been shared with you yet.">Ask an owner or admin to give you access.</Empty>
    );
  }
  return (
    <section class="card">
      <h1>Create your first application</h1>
      <p>An application is one site (or group of sites) whose visitors are recorded.</p>
      <CreateAppForm />
    </section>
  );
}
