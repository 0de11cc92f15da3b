import { useEffect, useState } from 'preact/hooks';
import { subscribe } from './history';

export interface CurrentLocation {
  path: string;
  query: URLSearchParams;
  hash: string;
}

function read(): CurrentLocation {
  return { path: location.pathname, query: new URLSearchParams(location.search), hash: location.hash };
}

/** The current location; re-renders the caller on every navigation. */
export function useLocation(): CurrentLocation {
  const [current, setCurrent] = useState(read);
  useEffect(() => subscribe(() => setCurrent(read())), []);
  return current;
}
