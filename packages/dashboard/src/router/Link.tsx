import type { ComponentChildren } from 'preact';
import { navigate } from './history';

interface LinkProps {
  href: string;
  /** Replace the history entry instead of adding one (filter tabs). */
  replace?: boolean;
  class?: string;
  title?: string;
  'aria-current'?: 'page' | undefined;
  children?: ComponentChildren;
}

/** An ordinary link (middle-click, copy address and screen readers all work) that navigates in-app on a plain click. */
export function Link({ href, replace, children, ...rest }: LinkProps) {
  return (
    <a
      {...rest}
      href={href}
      onClick={(event) => {
        if (event.defaultPrevented || event.button !== 0) return;
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(href, { replace });
      }}
    >
      {children}
    </a>
  );
}
