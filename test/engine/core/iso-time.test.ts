import { isoTime } from '../../../lib/engine/core/iso-time';

/** isoTime must write exactly what Date#toISOString writes ($$ times and JSONata's $now are compared as text). */
describe('isoTime', () => {
  const instants = [
    0, 1, -1, 999, 1000, 59_999, 86_399_999, 86_400_000, -86_400_000, 951_782_400_000 /* 2000-02-29 */, 951_868_799_999, 1_700_000_000_000,
    1_709_164_800_000 /* 2024-02-29 */, 4_107_542_400_000 /* 2100-03-01 */, -2_208_988_800_000 /* 1900-01-01 */, -62_135_596_800_000 /* 0001-01-01 */,
    -62_135_596_800_001, 253_402_300_799_999 /* 9999-12-31T23:59:59.999 */, 253_402_300_800_000, -62_198_755_200_000 /* year 0 */, 8.64e15, -8.64e15,
  ];
  test.each(instants)('%d', (ms) => {
    expect(isoTime(ms)).toBe(new Date(ms).toISOString());
  });

  test('ten thousand instants spread over years 1 to 9999, and every millisecond of two leap days', () => {
    let seed = 12345;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
    for (let i = 0; i < 10_000; i++) {
      const ms = Math.floor(-62_135_596_800_000 + next() * (253_402_300_799_999 + 62_135_596_800_000));
      expect(isoTime(ms)).toBe(new Date(ms).toISOString());
    }
    for (const start of [951_782_400_000, -2_203_977_600_000 /* 1900-03-01: not a leap year before it */]) {
      for (let ms = start - 86_400_000; ms < start + 86_400_000; ms += 997) expect(isoTime(ms)).toBe(new Date(ms).toISOString());
    }
  });

  test('a fraction of a millisecond and instants Date cannot write are left to Date', () => {
    expect(isoTime(1.5)).toBe(new Date(1.5).toISOString());
    expect(() => isoTime(NaN)).toThrow(RangeError);
    expect(() => isoTime(8.64e15 + 1)).toThrow(RangeError);
  });
});
