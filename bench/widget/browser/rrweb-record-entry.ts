// Variant "bare rrweb": @rrweb/record with its defaults, every event kept in an array. No serialization,
// compression or transport: the floor every recorder built on rrweb pays.
import { record } from '@rrweb/record';

const events: unknown[] = [];
(window as unknown as { __benchEvents: unknown[] }).__benchEvents = events;
record({ emit: (event) => void events.push(event) });
