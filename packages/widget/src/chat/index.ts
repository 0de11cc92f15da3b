// The lazily loaded chat bundle.
export { mountChat } from './mount-chat';
