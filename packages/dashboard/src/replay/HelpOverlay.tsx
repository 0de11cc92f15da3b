import { SHORTCUTS } from './keyboard-shortcuts';

/** The keyboard shortcuts, over the player. */
export function HelpOverlay({ onClose }: { onClose: () => void }) {
  return (
    <div class="hs-help" role="dialog" aria-label="Keyboard shortcuts">
      <div class="hs-help__box">
        <h2>Keyboard shortcuts</h2>
        <table>
          <tbody>
            {SHORTCUTS.map(([keys, what]) => (
              <tr key={keys}>
                <th scope="row">
                  <kbd>{keys}</kbd>
                </th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" class="hs-btn" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
