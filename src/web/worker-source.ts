// The worker's script as text, in a chunk of its own (loaded when the page starts, after it is drawn): the
// page starts the worker from a blob of it, because a worker cannot be started from a file:// address.
export { default } from 'cpd-web-worker';
