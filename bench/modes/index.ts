import type { Mode } from './mode';
import { peerMode } from './peer';
import { openInProcess } from './sagaflow';
import { openOverHttp } from './http';
import { openEngine } from './engine';

export const modeNames = ['engine', 'memory', 'durable', 'http'] as const;
export type ModeName = (typeof modeNames)[number];

const always = () => undefined;

export const modes: Record<ModeName | 'peer', Mode> = {
  engine: { name: 'engine', unsupported: always, open: openEngine },
  memory: { name: 'memory', unsupported: always, open: (w) => openInProcess(w, 'memory') },
  durable: { name: 'durable', unsupported: always, open: (w) => openInProcess(w, 'durable') },
  http: { name: 'http', unsupported: always, open: (w) => openOverHttp(w) },
  peer: peerMode,
};
