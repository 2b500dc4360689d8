import type * as sfn from '@aws-sdk/client-sfn';
import { validateDefinition } from '../../engine/validation';
import type { StateMachineRecord, StateMachineVersionRecord } from '../../store/records';
import type { StoreWrite } from '../../store/store';
import { invalidArn, parseStateMachineArn, requireArnType, requireRoleArn } from '../arns';
import { parseMapLabelArn, refuseMapLabelArn } from '../map-label-arns';
import { requireValidName } from '../names';
import type { Runtime } from '../runtime';
import { ServiceError, type StepFunctionsOperations } from '../step-functions-operations';
import { DEFAULT_ENCRYPTION, DEFAULT_LOGGING, DEFAULT_TRACING, readConfig, writeConfig } from './configurations';
import { checkDefinition, putDefinition } from './definitions';
import { referencesOf, shown } from './described-definition';
import { missing, NotFound } from './errors';
import { describeLabelledStateMachine } from './labelled-state-machine';
import { loggingConfiguration } from './logging-configuration';
import { listPage, pageRequest } from './paging';
import { revisionUuid, stateMachineRevision, versionRevision } from './reported-revision';
import { requireFewTags } from './tags';
import { publishVersion } from './versions';

type Ops = Pick<
  StepFunctionsOperations,
  'CreateStateMachine' | 'DescribeStateMachine' | 'UpdateStateMachine' | 'DeleteStateMachine' | 'ListStateMachines' | 'DescribeStateMachineForExecution' | 'ValidateStateMachineDefinition'
>;

/** Recorded on AWS (localstack's test_sfn_api_versioning.snapshot.json). */
function versionDescriptionWithoutPublish(): ServiceError {
  return new ServiceError('ValidationException', 'Version description can only be set when publish is true');
}

function changed(a: StateMachineRecord, b: StateMachineRecord): boolean {
  return (
    a.revisionId !== b.revisionId ||
    a.roleArn !== b.roleArn ||
    a.loggingConfiguration !== b.loggingConfiguration ||
    a.tracingConfiguration !== b.tracingConfiguration ||
    a.encryptionConfiguration !== b.encryptionConfiguration
  );
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

/**
 * CreateStateMachine's idempotency check: "based on the state machine name, definition, type,
 * LoggingConfiguration, TracingConfiguration, and EncryptionConfiguration … If a following request
 * has a different roleArn or tags, Step Functions will ignore these differences" (API reference).
 */
function sameConfiguration(sm: StateMachineRecord, input: sfn.CreateStateMachineInput, revisionId: string): boolean {
  return (
    sm.revisionId === revisionId &&
    sm.type === (input.type ?? 'STANDARD') &&
    (input.encryptionConfiguration === undefined || sm.encryptionConfiguration === writeConfig(input.encryptionConfiguration)) &&
    (input.loggingConfiguration === undefined || sm.loggingConfiguration === writeConfig(loggingConfiguration(input.loggingConfiguration))) &&
    (input.tracingConfiguration === undefined || sm.tracingConfiguration === writeConfig(input.tracingConfiguration))
  );
}

/** State machines: create (idempotent for an identical configuration), describe, update, delete, list. */
export function stateMachineOperations(rt: Runtime): Ops {
  const { store, arns, clock } = rt.ctx;

  const get = (arn: string): StateMachineRecord => {
    const sm = store.getStateMachine(arn);
    if (!sm) throw NotFound.stateMachine(arn);
    return sm;
  };

  return {
    async CreateStateMachine(input) {
      if (!input.name) throw missing('name');
      if (input.definition === undefined) throw missing('definition');
      if (!input.roleArn) throw missing('roleArn');
      requireValidName(input.name);
      requireRoleArn(input.roleArn);
      if (input.versionDescription !== undefined && !input.publish) throw versionDescriptionWithoutPublish();
      const type = input.type ?? 'STANDARD';
      checkDefinition(input.definition, type);
      const arn = arns.stateMachine(input.name);
      requireFewTags(arn, new Set(input.tags?.map((t) => t.key)).size);
      const { revisionId, write } = putDefinition(input.definition);
      const existing = store.getStateMachine(arn);
      if (existing) {
        if (!sameConfiguration(existing, input, revisionId)) throw new ServiceError('StateMachineAlreadyExists', `State Machine Already Exists: '${arn}'`);
        return { stateMachineArn: arn, creationDate: new Date(existing.creationDate) };
      }
      const now = clock.now();
      const record: StateMachineRecord = { arn, name: input.name, type, revisionId, roleArn: input.roleArn, creationDate: now, nextVersion: 1 };
      if (input.loggingConfiguration) record.loggingConfiguration = writeConfig(loggingConfiguration(input.loggingConfiguration));
      if (input.tracingConfiguration) record.tracingConfiguration = writeConfig(input.tracingConfiguration);
      if (input.encryptionConfiguration) record.encryptionConfiguration = writeConfig(input.encryptionConfiguration);
      const writes: StoreWrite[] = [write, { kind: 'putStateMachine', record }];
      if (input.tags?.length) writes.push({ kind: 'setTags', resourceArn: arn, tags: input.tags.map((t) => ({ key: t.key ?? '', value: t.value ?? '' })) });
      let version: StateMachineVersionRecord | undefined;
      if (input.publish) {
        const published = publishVersion(record, input.versionDescription, now);
        version = published.version;
        writes.push(...published.writes);
      }
      await store.write(writes);
      return { stateMachineArn: arn, creationDate: new Date(now), ...(version ? { stateMachineVersionArn: version.arn } : {}) };
    },

    async DescribeStateMachine({ stateMachineArn, includedData }) {
      if (!stateMachineArn) throw missing('stateMachineArn');
      const labelled = parseMapLabelArn(stateMachineArn);
      if (labelled) return describeLabelledStateMachine(store, labelled, includedData);
      const target = parseStateMachineArn(stateMachineArn);
      if (target.kind === 'alias') throw invalidArn(stateMachineArn);
      const sm = get(target.stateMachineArn);
      const base = {
        name: sm.name,
        status: 'ACTIVE' as const,
        type: sm.type,
        loggingConfiguration: readConfig(sm.loggingConfiguration, DEFAULT_LOGGING),
        tracingConfiguration: readConfig(sm.tracingConfiguration, DEFAULT_TRACING),
        encryptionConfiguration: readConfig(sm.encryptionConfiguration, DEFAULT_ENCRYPTION),
      };
      if (target.kind === 'version') {
        const v = store.getVersion(target.arn);
        if (!v) throw NotFound.stateMachine(target.arn);
        const definition = store.getDefinition(v.revisionId)!.definition;
        return {
          stateMachineArn: v.arn,
          ...base,
          definition: shown(definition, includedData),
          ...referencesOf(definition),
          roleArn: v.roleArn,
          creationDate: new Date(v.creationDate),
          ...optional('revisionId', versionRevision(v, sm)),
          ...(v.description !== undefined ? { description: v.description } : {}),
        };
      }
      const definition = store.getDefinition(sm.revisionId)!.definition;
      return {
        stateMachineArn: sm.arn,
        ...base,
        definition: shown(definition, includedData),
        ...referencesOf(definition),
        roleArn: sm.roleArn,
        creationDate: new Date(sm.creationDate),
        ...optional('revisionId', stateMachineRevision(sm)),
        ...(sm.description !== undefined ? { description: sm.description } : {}),
      };
    },

    async UpdateStateMachine(input) {
      if (!input.stateMachineArn) throw missing('stateMachineArn');
      refuseMapLabelArn('UpdateStateMachine', input.stateMachineArn);
      const target = parseStateMachineArn(input.stateMachineArn);
      // A version is not a state machine one can update (recorded on AWS: StateMachineDoesNotExist naming it).
      if (target.kind === 'version') throw NotFound.stateMachine(input.stateMachineArn);
      if (target.kind !== 'stateMachine') throw invalidArn(input.stateMachineArn);
      const before = get(target.stateMachineArn);
      const sm = { ...before };
      if (input.definition === undefined && input.roleArn === undefined && input.loggingConfiguration === undefined && input.tracingConfiguration === undefined && input.encryptionConfiguration === undefined) {
        throw new ServiceError('MissingRequiredParameter', 'Either the definition, the role ARN, the LoggingConfiguration, the EncryptionConfiguration or the TracingConfiguration must be specified');
      }
      if (input.versionDescription !== undefined && !input.publish) throw versionDescriptionWithoutPublish();
      const writes: StoreWrite[] = [];
      if (input.definition !== undefined) {
        checkDefinition(input.definition, sm.type);
        const { revisionId, write } = putDefinition(input.definition);
        sm.revisionId = revisionId;
        writes.push(write);
      }
      if (input.roleArn !== undefined) {
        requireRoleArn(input.roleArn);
        sm.roleArn = input.roleArn;
      }
      if (input.loggingConfiguration !== undefined) sm.loggingConfiguration = writeConfig(loggingConfiguration(input.loggingConfiguration));
      if (input.tracingConfiguration !== undefined) sm.tracingConfiguration = writeConfig(input.tracingConfiguration);
      if (input.encryptionConfiguration !== undefined) sm.encryptionConfiguration = writeConfig(input.encryptionConfiguration);
      const now = rt.ctx.clock.now();
      // Only an update that changes something makes a new revision (see stateMachineRevision).
      if (changed(before, sm)) sm.updateDate = now;
      let version: StateMachineVersionRecord | undefined;
      if (input.publish) {
        const published = publishVersion(sm, input.versionDescription, now, store.listVersions(sm.arn, { limit: 1 }).items[0]);
        version = published.version;
        writes.push(...published.writes);
        sm.nextVersion = published.nextVersion;
      }
      writes.push({ kind: 'putStateMachine', record: sm });
      await store.write(writes);
      return { updateDate: new Date(now), ...optional('revisionId', stateMachineRevision(sm)), ...(version ? { stateMachineVersionArn: version.arn } : {}) };
    },

    async DeleteStateMachine({ stateMachineArn }) {
      if (!stateMachineArn) throw missing('stateMachineArn');
      refuseMapLabelArn('DeleteStateMachine', stateMachineArn);
      const target = parseStateMachineArn(stateMachineArn);
      if (target.kind === 'alias') throw invalidArn(stateMachineArn);
      if (target.kind === 'version') {
        throw new ServiceError('ValidationException', `Deleting a version is not supported by DeleteStateMachine; use DeleteStateMachineVersion: '${stateMachineArn}'`);
      }
      // Deleting is idempotent; executions keep running on the definition they started with.
      if (store.getStateMachine(stateMachineArn)) await store.write([{ kind: 'deleteStateMachine', arn: stateMachineArn }]);
      return {};
    },

    async ListStateMachines({ maxResults, nextToken }) {
      const page = listPage(() => store.listStateMachines(pageRequest(maxResults, nextToken)));
      return {
        stateMachines: page.items.map((sm) => ({ stateMachineArn: sm.arn, name: sm.name, type: sm.type, creationDate: new Date(sm.creationDate) })),
        ...(page.next ? { nextToken: page.next } : {}),
      };
    },

    async DescribeStateMachineForExecution({ executionArn, includedData }) {
      if (!executionArn) throw missing('executionArn');
      requireArnType(executionArn, executionArn.includes(':express:') ? 'express' : 'execution');
      const ex = store.getExecution(executionArn);
      if (!ex) throw NotFound.execution(executionArn);
      const sm = store.getStateMachine(ex.stateMachineArn);
      const definition = store.getDefinition(ex.revisionId)!.definition;
      // The state machine's own ARN, also for an execution of a version (recorded on AWS).
      return {
        stateMachineArn: ex.stateMachineArn,
        name: ex.stateMachineArn.split(':')[6]!,
        definition: shown(definition, includedData),
        ...referencesOf(definition),
        roleArn: ex.roleArn,
        updateDate: new Date(sm?.updateDate ?? sm?.creationDate ?? ex.startDate),
        loggingConfiguration: readConfig(sm?.loggingConfiguration, DEFAULT_LOGGING),
        tracingConfiguration: readConfig(sm?.tracingConfiguration, DEFAULT_TRACING),
        encryptionConfiguration: readConfig(sm?.encryptionConfiguration, DEFAULT_ENCRYPTION),
        ...optional('revisionId', sm && sm.updateDate !== undefined ? revisionUuid(ex, sm) : undefined),
        // A Map Run child runs the labelled state machine `<parent>/<label>`; its label is the Map state's own (the last one when Maps nest).
        ...(ex.mapRunArn ? { mapRunArn: ex.mapRunArn, ...optional('label', parseMapLabelArn(ex.stateMachineArn)?.label) } : {}),
      };
    },

    async ValidateStateMachineDefinition(input) {
      if (input.definition === undefined) throw missing('definition');
      const r = validateDefinition(input.definition, { type: input.type ?? 'STANDARD', severity: input.severity ?? 'ERROR', maxResults: input.maxResults ?? 100 });
      return { result: r.result, diagnostics: r.diagnostics, truncated: r.truncated };
    },
  };
}
