import { forEachInnerState, forEachState } from '../../lib/asl';

const pass = { Type: 'Pass', End: true };
const definition = {
  StartAt: 'P',
  States: {
    P: {
      Type: 'Parallel',
      Branches: [{ StartAt: 'A', States: { A: pass } }, { StartAt: 'M', States: { M: { Type: 'Map', ItemProcessor: { StartAt: 'I', States: { I: pass } }, End: true } } }],
      Next: 'Old',
    },
    Old: { Type: 'Map', Iterator: { StartAt: 'J', States: { J: pass } }, Next: 'Broken' },
    Broken: 'not a state',
    Last: { Type: 'Parallel', Branches: 'not a list', End: true },
  },
};

test('every state, nested ones included, each before the graphs it holds; shapes that are no state are passed by', () => {
  const names: string[] = [];
  forEachState(definition, (name) => names.push(name));
  expect(names).toEqual(['P', 'A', 'M', 'I', 'Old', 'J', 'Last']);
  expect(() => forEachState(null, () => undefined)).not.toThrow();
});

test("a state's inner states leave the state itself out", () => {
  const names: string[] = [];
  forEachInnerState(definition.States.P, (name) => names.push(name));
  expect(names).toEqual(['A', 'M', 'I']);
});
