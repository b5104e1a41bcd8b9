// toPlain (engine/plain.ts): a result's lazy values made plain data for postMessage. Its getters are found once
// per class; each instance's are still read from that instance, a subclass's include its parent's, and a plain
// object or an object without a prototype has none.
import { toPlain } from '../../src/engine/plain';

class Base {
  constructor(private readonly _n: number) {}
  get doubled(): number {
    return this._n * 2;
  }
  method(): number {
    return this._n;
  }
}

class More extends Base {
  kind = 'more';
  get words(): { zh: string; en: string } {
    return { zh: `第${this.doubled}`, en: `no. ${this.doubled}` };
  }
}

test('each instance’s getters read into fields, a subclass’s with its parent’s, `_` fields and functions left', () => {
  const list = [new Base(1), new More(2), new Base(3), new More(4)];
  expect(structuredClone(toPlain(list))).toEqual([
    { doubled: 2 },
    { kind: 'more', words: { zh: '第4', en: 'no. 4' }, doubled: 4 },
    { doubled: 6 },
    { kind: 'more', words: { zh: '第8', en: 'no. 8' }, doubled: 8 },
  ]);
});

test('plain data is returned as it is; an object without a prototype keeps its fields', () => {
  const plain = { a: 1, b: [{ c: 'x' }] };
  expect(toPlain(plain)).toBe(plain);
  const bare = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1 });
  expect(toPlain(bare)).toBe(bare);
  // a lazy value inside: only the path to it is copied
  const mixed = { keep: { a: 1 }, lazy: new Base(5) };
  const out = toPlain(mixed);
  expect(out).not.toBe(mixed);
  expect(out.keep).toBe(mixed.keep);
  expect(out.lazy).toEqual({ doubled: 10 });
});
