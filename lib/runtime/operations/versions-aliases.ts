import type * as sfn from '@aws-sdk/client-sfn';
import type { StateMachineAliasRecord } from '../../store/records';
import { invalidArn, parseStateMachineArn } from '../arns';
import { requireValidAliasName } from '../names';
import type { Runtime } from '../runtime';
import { ServiceError, type StepFunctionsOperations } from '../step-functions-operations';
import { revisionUuid } from './reported-revision';
import { missing, NotFound } from './errors';
import { listPage, pageRequest } from './paging';
import { publishVersion } from './versions';

type Ops = Pick<
  StepFunctionsOperations,
  | 'PublishStateMachineVersion'
  | 'ListStateMachineVersions'
  | 'DeleteStateMachineVersion'
  | 'CreateStateMachineAlias'
  | 'DescribeStateMachineAlias'
  | 'UpdateStateMachineAlias'
  | 'DeleteStateMachineAlias'
  | 'ListStateMachineAliases'
>;

type Route = { stateMachineVersionArn: string; weight: number };

/** Versions and aliases: an alias routes its executions to one or two versions of one state machine by weight. */
export function versionAndAliasOperations(rt: Runtime): Ops {
  const { store, clock } = rt.ctx;

  const machine = (arn: string) => {
    const target = parseStateMachineArn(arn);
    if (target.kind !== 'stateMachine') throw invalidArn(arn);
    const sm = store.getStateMachine(arn);
    if (!sm) throw NotFound.stateMachine(arn);
    return sm;
  };

  /**
   * AWS's rules for a routing configuration: 1 or 2 distinct versions of the same state machine,
   * weights summing to 100. The messages for ARNs that are not versions, repeated versions and a
   * wrong sum are recorded on AWS (localstack's test_sfn_api_aliasing.snapshot.json).
   */
  const checkRoutes = (routes: sfn.RoutingConfigurationListItem[] | undefined, stateMachineArn?: string): Route[] => {
    if (!routes || routes.length === 0 || routes.length > 2) {
      throw new ServiceError('ValidationException', 'The routing configuration must contain one or two versions');
    }
    const out = routes.map((r) => ({ stateMachineVersionArn: r.stateMachineVersionArn ?? '', weight: r.weight ?? 0 }));
    const received = (values: readonly unknown[]) => `Received: [${values.join(', ')}]`;
    const arns = out.map((r) => r.stateMachineVersionArn);
    if (arns.some((arn) => parseStateMachineArn(arn).kind !== 'version')) {
      throw new ServiceError('ValidationException', `Routing configuration must contain state machine version ARNs. ${received(arns)}`);
    }
    if (new Set(arns).size !== arns.length) throw new ServiceError('ValidationException', `Routing configuration must contain distinct state machine version ARNs. ${received(arns)}`);
    if (out.reduce((s, r) => s + r.weight, 0) !== 100) throw new ServiceError('ValidationException', `Sum of routing configuration weights must equal 100. ${received(out.map((r) => r.weight))}`);
    let owner = stateMachineArn;
    for (const r of out) {
      const target = parseStateMachineArn(r.stateMachineVersionArn);
      if (!store.getVersion(r.stateMachineVersionArn)) throw NotFound.resource(r.stateMachineVersionArn);
      if (owner !== undefined && owner !== target.stateMachineArn) throw new ServiceError('ValidationException', 'The routing configuration must refer to versions of the same state machine');
      owner = target.stateMachineArn;
      if (!Number.isInteger(r.weight) || r.weight < 0 || r.weight > 100) throw new ServiceError('ValidationException', 'Each weight in the routing configuration must be between 0 and 100');
    }
    return out;
  };

  const alias = (arn: string): StateMachineAliasRecord => {
    const target = parseStateMachineArn(arn);
    if (target.kind !== 'alias') throw invalidArn(arn);
    const a = store.getAlias(arn);
    if (!a) throw NotFound.resource(arn);
    return a;
  };

  return {
    async PublishStateMachineVersion({ stateMachineArn, revisionId, description }) {
      if (!stateMachineArn) throw missing('stateMachineArn');
      const sm = machine(stateMachineArn);
      const latest = store.listVersions(sm.arn, { limit: 1 }).items[0];
      if (revisionId !== undefined && revisionId !== revisionUuid(sm, sm)) {
        throw new ServiceError('ConflictException', `Failed to publish the State Machine version for revision ${revisionId}. The current State Machine revision is ${revisionUuid(sm, sm)}.`);
      }
      const published = publishVersion(sm, description, clock.now(), latest);
      if (published.writes.length) await store.write(published.writes);
      return { stateMachineVersionArn: published.version.arn, creationDate: new Date(published.version.creationDate) };
    },

    async ListStateMachineVersions({ stateMachineArn, maxResults, nextToken }) {
      if (!stateMachineArn) throw missing('stateMachineArn');
      machine(stateMachineArn);
      const page = listPage(() => store.listVersions(stateMachineArn, pageRequest(maxResults, nextToken)));
      return {
        stateMachineVersions: page.items.map((v) => ({ stateMachineVersionArn: v.arn, creationDate: new Date(v.creationDate) })),
        ...(page.next ? { nextToken: page.next } : {}),
      };
    },

    async DeleteStateMachineVersion({ stateMachineVersionArn }) {
      if (!stateMachineVersionArn) throw missing('stateMachineVersionArn');
      const target = parseStateMachineArn(stateMachineVersionArn);
      if (target.kind !== 'version') throw invalidArn(stateMachineVersionArn);
      if (!store.getVersion(stateMachineVersionArn)) return {};
      const users = store
        .listAliases(target.stateMachineArn, { limit: 1000 })
        .items.filter((a) => (JSON.parse(a.routingConfiguration) as Route[]).some((r) => r.stateMachineVersionArn === stateMachineVersionArn));
      if (users.length > 0) {
        throw new ServiceError('ConflictException', `Version to be deleted must not be referenced by an alias. Current list of aliases referencing this version: [${users.map((a) => a.name).join(', ')}]`);
      }
      await store.write([{ kind: 'deleteVersion', arn: stateMachineVersionArn }]);
      return {};
    },

    async CreateStateMachineAlias({ name, description, routingConfiguration }) {
      if (!name) throw missing('name');
      requireValidAliasName(name);
      const routes = checkRoutes(routingConfiguration);
      const stateMachineArn = parseStateMachineArn(routes[0]!.stateMachineVersionArn).stateMachineArn;
      const arn = `${stateMachineArn}:${name}`;
      const existing = store.getAlias(arn);
      const routing = JSON.stringify(routes);
      if (existing) {
        if (existing.routingConfiguration === routing && existing.description === description) return { stateMachineAliasArn: arn, creationDate: new Date(existing.creationDate) };
        throw new ServiceError('ConflictException', `Failed to create alias because an alias with the same name and a different routing configuration already exists.`);
      }
      const now = clock.now();
      const record: StateMachineAliasRecord = { arn, stateMachineArn, name, routingConfiguration: routing, creationDate: now };
      if (description !== undefined) record.description = description;
      await store.write([{ kind: 'putAlias', record }]);
      return { stateMachineAliasArn: arn, creationDate: new Date(now) };
    },

    async DescribeStateMachineAlias({ stateMachineAliasArn }) {
      if (!stateMachineAliasArn) throw missing('stateMachineAliasArn');
      const a = alias(stateMachineAliasArn);
      return {
        stateMachineAliasArn: a.arn,
        name: a.name,
        ...(a.description !== undefined ? { description: a.description } : {}),
        routingConfiguration: JSON.parse(a.routingConfiguration) as Route[],
        creationDate: new Date(a.creationDate),
        // A newly created alias reports its creation date as its update date (API reference, DescribeStateMachineAlias).
        updateDate: new Date(a.updateDate ?? a.creationDate),
      };
    },

    async UpdateStateMachineAlias({ stateMachineAliasArn, description, routingConfiguration }) {
      if (!stateMachineAliasArn) throw missing('stateMachineAliasArn');
      if (parseStateMachineArn(stateMachineAliasArn).kind === 'alias' && !store.getAlias(stateMachineAliasArn)) {
        // Recorded on AWS (localstack's test_sfn_api_aliasing.snapshot.json, test_update_no_such_alias_arn).
        throw new ServiceError('ResourceNotFound', 'Request references a resource that does not exist.');
      }
      const a = { ...alias(stateMachineAliasArn) };
      if (description === undefined && routingConfiguration === undefined) {
        throw new ServiceError('ValidationException', 'Either the description or the RoutingConfiguration must be specified');
      }
      if (routingConfiguration !== undefined) a.routingConfiguration = JSON.stringify(checkRoutes(routingConfiguration, a.stateMachineArn));
      if (description !== undefined) a.description = description;
      a.updateDate = clock.now();
      await store.write([{ kind: 'putAlias', record: a }]);
      return { updateDate: new Date(a.updateDate) };
    },

    async DeleteStateMachineAlias({ stateMachineAliasArn }) {
      if (!stateMachineAliasArn) throw missing('stateMachineAliasArn');
      const target = parseStateMachineArn(stateMachineAliasArn);
      if (target.kind !== 'alias') throw invalidArn(stateMachineAliasArn);
      if (store.getAlias(stateMachineAliasArn)) await store.write([{ kind: 'deleteAlias', arn: stateMachineAliasArn }]);
      return {};
    },

    async ListStateMachineAliases({ stateMachineArn, maxResults, nextToken }) {
      if (!stateMachineArn) throw missing('stateMachineArn');
      machine(stateMachineArn);
      const page = listPage(() => store.listAliases(stateMachineArn, pageRequest(maxResults, nextToken)));
      return {
        stateMachineAliases: page.items.map((a) => ({ stateMachineAliasArn: a.arn, creationDate: new Date(a.creationDate) })),
        ...(page.next ? { nextToken: page.next } : {}),
      };
    },
  };
}
