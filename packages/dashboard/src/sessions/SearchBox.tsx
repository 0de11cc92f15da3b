import { useEffect, useRef, useState } from 'preact/hooks';
import { navigate } from '../router/history';

/** Typing pauses this long before the list follows (each change is one request). */
const SEARCH_DEBOUNCE_MS = 400;

/** Search by landing URL substring or exact visitor id; the text lives in the URL (`q=`). */
export function SearchBox({ value, hrefFor }: { value: string; hrefFor(text: string): string }) {
  const [text, setText] = useState(value);
  const hrefRef = useRef(hrefFor);
  hrefRef.current = hrefFor;
  // Back/forward or a tab change brings another q: show it.
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => navigate(hrefRef.current(text.trim()), { replace: true }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, value]);
  return (
    <form
      class="search"
      onSubmit={(event) => {
        event.preventDefault();
        navigate(hrefFor(text.trim()), { replace: true });
      }}
    >
      <label for="session-search" class="visually-hidden">
        Search sessions
      </label>
      <input
        id="session-search"
        type="search"
        placeholder="URL or visitor id"
        value={text}
        onInput={(event) => setText(event.currentTarget.value)}
        autoComplete="off"
        spellcheck={false}
      />
    </form>
  );
}
