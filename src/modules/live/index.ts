/** Live updates' public face: the hub the start-up wires to the listening connection. */
export { LIVE_CHANNEL, type LiveEvent, LiveHub, parseLivePayload } from './hub.ts';
