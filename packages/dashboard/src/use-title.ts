import { useEffect } from 'preact/hooks';

/** Sets the tab title ("Sessions · Shop · Hindsight"): screen readers announce it and history entries read well. */
export function useTitle(...parts: (string | undefined)[]): void {
  const title = [...parts.filter(Boolean), 'Hindsight'].join(' · ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
