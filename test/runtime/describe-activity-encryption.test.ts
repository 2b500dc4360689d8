import { CreateActivityCommand, DescribeActivityCommand } from '@aws-sdk/client-sfn';
import { recordedService } from '../api/recorded/recorded-service';

// Source: https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeActivity.html
// Response Syntax: { "activityArn", "creationDate", "encryptionConfiguration": { "kmsDataKeyReusePeriodSeconds", "kmsKeyId", "type" }, "name" }
// "encryptionConfiguration — Settings for configured server-side encryption."
describe('DescribeActivity encryptionConfiguration', () => {
  const { send } = recordedService();
  test("DescribeActivity returns the encryptionConfiguration the activity was created with (API_DescribeActivity Response Syntax: encryptionConfiguration {kmsDataKeyReusePeriodSeconds, kmsKeyId, type})", async () => {
    const encryptionConfiguration = { type: 'CUSTOMER_MANAGED_KMS_KEY' as const, kmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab', kmsDataKeyReusePeriodSeconds: 300 };
    const { activityArn } = await send(new CreateActivityCommand({ name: 'encrypted', encryptionConfiguration }));
    expect((await send(new DescribeActivityCommand({ activityArn }))).encryptionConfiguration).toEqual(encryptionConfiguration);
  });
});
