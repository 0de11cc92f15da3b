import { render } from 'preact';
import { App } from './App';
import './styles/index.css';

/** Entry point: index.html loads this module (no inline script: the server's CSP forbids them). */
render(<App />, document.getElementById('app')!);
