// The lazily loaded recorder bundle.
export { startRecorder } from './start-recorder';
