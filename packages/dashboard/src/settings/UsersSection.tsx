import type { UserSummary } from '@hindsight/shared';
import { useSignedIn } from '../session-context';
import { ErrorBanner, Loading } from '../ui/states';
import { useAsync } from '../ui/use-async';
import { InviteForm } from './InviteForm';
import { UserRow } from './UserRow';

/** The team: who has access, with which role; invite someone new. */
export function UsersSection() {
  const { api } = useSignedIn();
  const list = useAsync('users', (signal) => api.get<{ users: UserSummary[] }>('/users', { signal }));
  return (
    <section class="card" aria-labelledby="users-title">
      <h2 id="users-title">Users</h2>
      {list.error != null && <ErrorBanner error={list.error} onRetry={list.reload} />}
      {!list.data ? (
        list.error == null && <Loading />
      ) : (
        <ul class="list">
          {list.data.users.map((user) => (
            <UserRow key={user.id} user={user} onChanged={list.reload} />
          ))}
        </ul>
      )}
      <h3>Invite someone</h3>
      <InviteForm onInvited={list.reload} />
    </section>
  );
}
