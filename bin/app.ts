import { resolve } from 'node:path';
import { referenceApp } from '../constructs/reference-app';

/** The CDK app (`npx cdk synth`, `cdk deploy`, `npm start`): the reference app's one stack. */
const { app } = referenceApp({ projectRoot: resolve(__dirname, '..') });
app.synth();
