/** "Only unanswered prompts": a filter on the items already loaded (the server's feed has no such filter). */
export function UnansweredToggle({ checked, onChange }: { checked: boolean; onChange(checked: boolean): void }) {
  return (
    <p class="unanswered-toggle">
      <label class="check">
        <input type="checkbox" checked={checked} onChange={(event) => onChange(event.currentTarget.checked)} />
        Only unanswered prompts
      </label>{' '}
      <span class="field-hint">Filters the items loaded on this page; Load more looks further back.</span>
    </p>
  );
}
