import type { AppSummary } from '@hindsight/shared';

/** Checkboxes for the applications a viewer may see (owners and admins see all, so they get none). */
export function AppChecklist(props: {
  idPrefix: string;
  apps: AppSummary[];
  selected: string[];
  onChange(ids: string[]): void;
}) {
  return (
    <fieldset class="checklist">
      <legend>Applications this viewer may see</legend>
      {props.apps.map((app) => {
        const id = `${props.idPrefix}-${app.id}`;
        const checked = props.selected.includes(app.id);
        return (
          <label key={app.id} for={id} class="check">
            <input
              id={id}
              type="checkbox"
              checked={checked}
              onChange={() =>
                props.onChange(
                  checked ? props.selected.filter((value) => value !== app.id) : [...props.selected, app.id],
                )
              }
            />
            {app.name}
          </label>
        );
      })}
    </fieldset>
  );
}
