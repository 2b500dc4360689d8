import type { StateMachineRecord, StateMachineVersionRecord } from '../../store/records';
import type { StoreWrite } from '../../store/store';

/**
 * A new version of the state machine's current revision — or the latest version itself when it
 * already holds that revision, as PublishStateMachineVersion is idempotent.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-state-machine-version.html
 */
export function publishVersion(
  sm: StateMachineRecord,
  description: string | undefined,
  now: number,
  latest?: StateMachineVersionRecord,
): { version: StateMachineVersionRecord; writes: StoreWrite[]; nextVersion: number } {
  if (latest && latest.revisionId === sm.revisionId && latest.roleArn === sm.roleArn) {
    return { version: latest, writes: [], nextVersion: sm.nextVersion };
  }
  const number = sm.nextVersion;
  const version: StateMachineVersionRecord = { arn: `${sm.arn}:${number}`, stateMachineArn: sm.arn, version: number, revisionId: sm.revisionId, roleArn: sm.roleArn, creationDate: now };
  if (description !== undefined) version.description = description;
  return { version, writes: [{ kind: 'putVersion', record: version }, { kind: 'putStateMachine', record: { ...sm, nextVersion: number + 1 } }], nextVersion: number + 1 };
}
