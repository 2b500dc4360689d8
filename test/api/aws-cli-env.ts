import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Debian's AWS CLI v2, which .ci/run installs. */
export const AWS_CLI = '/usr/bin/aws';

/** Fails loudly when the CLI is missing: these tests are never skipped. */
export function requireAwsCli(): void {
  if (!existsSync(AWS_CLI)) throw new Error(`${AWS_CLI} is missing: install Debian's awscli package (.ci/run does) to run these tests`);
}

/** The CLI's environment: any credentials, a region, no pager, and config files in `home` (none of the user's). */
export function awsCliEnv(home: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_PAGER: '',
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
  };
}
