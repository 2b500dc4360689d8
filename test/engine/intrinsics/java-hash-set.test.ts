import { javaHashCode, javaHashSetOrder } from '../../../lib/engine/intrinsics/java-hash-set';

describe('javaHashCode', () => {
  it("gives the JDK's hash codes for each kind of value", () => {
    expect(javaHashCode('hello')).toBe(99162322); // "hello".hashCode()
    expect(javaHashCode(true)).toBe(1231);
    expect(javaHashCode(false)).toBe(1237);
    expect(javaHashCode(null)).toBe(0);
    expect(javaHashCode(-1)).toBe(-1); // Integer.hashCode
    expect(javaHashCode(3000000000)).toBe(-1294967296); // Long.hashCode(3000000000L)
    expect(javaHashCode(1.5)).toBe(1073217536); // Double.hashCode(1.5)
    expect(javaHashCode([1, 2])).toBe(994); // List.of(1, 2).hashCode()
    expect(javaHashCode({ a: 1 })).toBe(96); // Map.of("a", 1).hashCode()
  });
});

describe('javaHashSetOrder', () => {
  it('orders by bucket, insertion order within a bucket', () => {
    expect(javaHashSetOrder([16, 0, 1])).toEqual([16, 0, 1]);
    expect(javaHashSetOrder([2, 1, 2, 1])).toEqual([1, 2]);
  });

  it('grows the table past three quarters full, which reorders a bucket it splits', () => {
    const thirteen = [16, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    expect(javaHashSetOrder(thirteen)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 16]);
  });

  it("finds duplicates by Java's equals: objects whatever their key order, a number and a string apart", () => {
    expect(javaHashSetOrder([{ a: 1, b: 2 }, { b: 2, a: 1 }, 1, '1'])).toEqual([{ a: 1, b: 2 }, 1, '1']); // 96 + 96 is bucket 0
  });
});
