import { StatesErrors } from '../../lib/asl';

test('the ASL model names the predefined errors as AWS spells them', () => {
  expect(StatesErrors.ALL).toBe('States.ALL');
  expect(StatesErrors.DataLimitExceeded).toBe('States.DataLimitExceeded');
});
