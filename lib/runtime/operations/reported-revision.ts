import { createHash } from 'node:crypto';
import type { StateMachineRecord, StateMachineVersionRecord } from '../../store/records';

type Configurations = Pick<StateMachineRecord, 'loggingConfiguration' | 'tracingConfiguration' | 'encryptionConfiguration'>;

/**
 * The revisionId AWS reports for a definition, role and configurations: a UUID derived from all of
 * them, so an update that changes only the role or the logging makes a new revision and an update
 * that changes nothing keeps it, as recorded on AWS (localstack's test_sfn_api.snapshot.json,
 * create_update_state_machine_*; test_sfn_api_logs.snapshot.json). Versions and executions keep no
 * configurations of their own here: the state machine's current ones stand in.
 */
export function revisionUuid(revision: { revisionId: string; roleArn: string }, config: Configurations): string {
  const parts = [revision.revisionId, revision.roleArn, config.loggingConfiguration, config.tracingConfiguration, config.encryptionConfiguration];
  const h = createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * A state machine's revisionId as DescribeStateMachine and UpdateStateMachine report it: none for
 * the revision it was created with (recorded on AWS: no revisionId until the first update that
 * changes something; test_sfn_api_versioning.snapshot.json, empty_revision_*). `updateDate` is set
 * only by an update that changed something.
 */
export function stateMachineRevision(sm: StateMachineRecord): string | undefined {
  return sm.updateDate === undefined ? undefined : revisionUuid(sm, sm);
}

/**
 * A version's revisionId: none when it froze the state machine's first revision. Known here when
 * the state machine was never updated or the version was published with it; a version published
 * before the first update of a machine updated since is reported with its revision (not tracked).
 */
export function versionRevision(v: StateMachineVersionRecord, sm: StateMachineRecord | undefined): string | undefined {
  const publishedWithIt = v.version === 1 && v.creationDate === sm?.creationDate;
  if (!sm || sm.updateDate === undefined || publishedWithIt) return undefined;
  return revisionUuid(v, sm);
}
