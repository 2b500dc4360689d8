import { createHash } from 'node:crypto';
import type { ExecutionInfo } from '../../engine-input';

/** RFC 4122's URL namespace, the base of the name-based (version 3) UUIDs below. */
const NAMESPACE = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');

/** Formats 16 bytes as a version 3 UUID: the version AWS's Map Run ids, labels and child names carry (recorded ARNs). */
function formatV3(bytes: Buffer): string {
  const b = Buffer.from(bytes.subarray(0, 16));
  b[6] = (b[6]! & 0x0f) | 0x30;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A name-based UUID: the same name always gives the same id. */
export function uuidV3(name: string): string {
  return formatV3(createHash('md5').update(NAMESPACE).update(name).digest());
}

/** A Map Run's id, drawn from the execution's seeded randomness: fresh per run (a retried Map starts a new Map Run), the same on replay. */
export function mapRunId(random: Buffer): string {
  return formatV3(random);
}

/** A Map without a Label gets a generated one, stable per state machine and state so that its children's state machine ARN is too. */
export function mapRunLabel(info: Pick<ExecutionInfo, 'stateMachineArn'>, stateName: string, label: string | undefined): string {
  return label ?? uuidV3(`${info.stateMachineArn}#${stateName}`);
}

/** `arn:aws:states:<region>:<account>:mapRun:<stateMachineName>/<label>:<id>` */
export function mapRunArn(info: ExecutionInfo, label: string, id: string): string {
  return `arn:aws:states:${info.region}:${info.accountId}:mapRun:${info.stateMachineName}/${label}:${id}`;
}

/** The labelled state machine the children run as: `…:stateMachine:<stateMachineName>/<label>`. */
export function childStateMachineArn(info: ExecutionInfo, label: string): string {
  return `arn:aws:states:${info.region}:${info.accountId}:stateMachine:${info.stateMachineName}/${label}`;
}

/** A child's execution name, derived from its Map Run and item: a restart finds the same child. */
export function childName(mapRunArn: string, index: number): string {
  return uuidV3(`${mapRunArn}#${index}`);
}
