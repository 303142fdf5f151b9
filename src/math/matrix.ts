/**
 * Small dense linear algebra on plain arrays. A vector is `number[]`; a matrix is `number[][]`,
 * one inner array per row. Shapes are the caller's responsibility (the demos validate their flags);
 * these functions throw a RangeError on a mismatch so a programming slip never yields silent NaNs.
 */

export type Vector = number[];
export type Matrix = number[][];

function assertSameLength(a: readonly number[], b: readonly number[], what: string): void {
  if (a.length !== b.length) {
    throw new RangeError(`${what}: lengths differ (${a.length} vs ${b.length})`);
  }
}

/** Reads a[i]; under noUncheckedIndexedAccess an out-of-range read is a bug, so it throws. */
export function at(values: readonly number[], index: number): number {
  const value = values[index];
  if (value === undefined) throw new RangeError(`index ${index} out of range (${values.length})`);
  return value;
}

/** Reads row i of a matrix, throwing when it does not exist. */
export function row(matrix: readonly (readonly number[])[], index: number): number[] {
  const found = matrix[index];
  if (found === undefined) throw new RangeError(`row ${index} out of range (${matrix.length})`);
  return [...found];
}

/** [rows, columns]; an empty matrix is [0, 0]. */
export function shape(matrix: readonly (readonly number[])[]): [number, number] {
  return [matrix.length, matrix[0]?.length ?? 0];
}

/** Dot product a·b = Σ_i a_i b_i. */
export function dot(a: readonly number[], b: readonly number[]): number {
  assertSameLength(a, b, 'dot');
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += at(a, i) * at(b, i);
  return sum;
}

/** Element-wise sum a + b. */
export function add(a: readonly number[], b: readonly number[]): number[] {
  assertSameLength(a, b, 'add');
  return a.map((value, i) => value + at(b, i));
}

/** Element-wise difference a − b. */
export function subtract(a: readonly number[], b: readonly number[]): number[] {
  assertSameLength(a, b, 'subtract');
  return a.map((value, i) => value - at(b, i));
}

/** Element-wise (Hadamard) product a ⊙ b. */
export function hadamard(a: readonly number[], b: readonly number[]): number[] {
  assertSameLength(a, b, 'hadamard');
  return a.map((value, i) => value * at(b, i));
}

/** Scalar multiple c·a. */
export function scale(a: readonly number[], factor: number): number[] {
  return a.map((value) => value * factor);
}

/** Element-wise sum of two matrices of the same shape. */
export function addMatrices(A: readonly (readonly number[])[], B: readonly (readonly number[])[]): number[][] {
  if (A.length !== B.length) throw new RangeError(`addMatrices: row counts differ (${A.length} vs ${B.length})`);
  return A.map((rowA, i) => add(rowA, row(B, i)));
}

/** Transpose: (Aᵀ)_ij = A_ji. */
export function transpose(A: readonly (readonly number[])[]): number[][] {
  const [rows, cols] = shape(A);
  const result: number[][] = [];
  for (let j = 0; j < cols; j++) {
    const column: number[] = [];
    for (let i = 0; i < rows; i++) column.push(at(row(A, i), j));
    result.push(column);
  }
  return result;
}

/** Matrix–vector product (A x)_i = Σ_j A_ij x_j = row_i(A) · x. */
export function matvec(A: readonly (readonly number[])[], x: readonly number[]): number[] {
  return A.map((rowA) => dot(rowA, x));
}

/** Matrix product (A B)_ij = Σ_k A_ik B_kj = row_i(A) · column_j(B). */
export function matmul(A: readonly (readonly number[])[], B: readonly (readonly number[])[]): number[][] {
  const [rowsB] = shape(B);
  const columnsOfB = transpose(B);
  return A.map((rowA) => {
    if (rowA.length !== rowsB) {
      throw new RangeError(`matmul: inner dimensions differ (${rowA.length} vs ${rowsB})`);
    }
    return columnsOfB.map((column) => dot(rowA, column));
  });
}

/** A rows × cols matrix of zeros. */
export function zeros(rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
}

/** Columns [start, end) of every row. */
export function sliceColumns(A: readonly (readonly number[])[], start: number, end: number): number[][] {
  return A.map((rowA) => rowA.slice(start, end));
}

/** Joins matrices side by side: row i of the result is row i of each block, concatenated. */
export function concatColumns(blocks: readonly (readonly (readonly number[])[])[]): number[][] {
  const rows = blocks[0]?.length ?? 0;
  return Array.from({ length: rows }, (_, i) => blocks.flatMap((block) => row(block, i)));
}

/** Σ_i a_i. */
export function sum(a: readonly number[]): number {
  let total = 0;
  for (const value of a) total += value;
  return total;
}

/** Largest entry; −∞ for an empty vector. */
export function max(a: readonly number[]): number {
  let largest = -Infinity;
  for (const value of a) if (value > largest) largest = value;
  return largest;
}
