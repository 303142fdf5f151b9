import { describe, expect, it } from 'vitest';
import { add, addMatrices, concatColumns, dot, hadamard, matmul, matvec, scale, shape, sliceColumns, subtract, transpose, zeros } from '../../src/math/matrix.js';

describe('matrix kernels (worked by hand)', () => {
  it('dot multiplies entry by entry and adds', () => {
    expect(dot([1, 2, 3], [4, 5, 6])).toBe(32); // 4 + 10 + 18
    expect(dot([], [])).toBe(0);
    expect(() => dot([1], [1, 2])).toThrow(RangeError);
  });

  it('matmul: (AB)_ij = row i of A · column j of B', () => {
    const A = [
      [1, 2],
      [3, 4],
    ];
    const B = [
      [5, 6],
      [7, 8],
    ];
    expect(matmul(A, B)).toEqual([
      [19, 22],
      [43, 50],
    ]);
    expect(matmul([[1, 2, 3]], [[1], [0], [-1]])).toEqual([[-2]]);
    expect(() => matmul([[1, 2]], [[1, 2]])).toThrow(RangeError);
  });

  it('matvec and transpose agree with matmul', () => {
    const A = [
      [1, 2, 3],
      [4, 5, 6],
    ];
    expect(matvec(A, [1, 0, -1])).toEqual([-2, -2]);
    expect(transpose(A)).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    expect(matvec(A, [7, 8, 9])).toEqual(transpose(matmul(A, [[7], [8], [9]]))[0]);
  });

  it('element-wise helpers', () => {
    expect(add([1, 2], [3, 4])).toEqual([4, 6]);
    expect(subtract([1, 2], [3, 4])).toEqual([-2, -2]);
    expect(hadamard([1, 2], [3, 4])).toEqual([3, 8]);
    expect(scale([1, -2], 3)).toEqual([3, -6]);
    expect(addMatrices([[1], [2]], [[3], [4]])).toEqual([[4], [6]]);
    expect(zeros(2, 3)).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(shape([[1, 2, 3]])).toEqual([1, 3]);
    expect(shape([])).toEqual([0, 0]);
  });

  it('slices and concatenates columns (the split and concat of multi-head attention)', () => {
    const X = [
      [1, 2, 3, 4],
      [5, 6, 7, 8],
    ];
    const left = sliceColumns(X, 0, 2);
    const right = sliceColumns(X, 2, 4);
    expect(left).toEqual([
      [1, 2],
      [5, 6],
    ]);
    expect(concatColumns([left, right])).toEqual(X);
  });
});
