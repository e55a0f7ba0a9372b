'use strict';
// node --test: the Node.js package against the library it was pointed at
// (CUSTCADENCE_ABI_JSON, CUSTCADENCE_LIB; tests/run.sh sets them) and the
// C reference of the shared scenario (CUSTCADENCE_FFI_REFERENCE: the
// ffi-scenario program of the same build).

const test = require('node:test');
const assert = require('node:assert');
const { execFileSync } = require('node:child_process');
const { load, CcadError } = require('../index.js');
const { run } = require('../scenario.js');

const cc = load();
const { fn, C } = cc;

function newCtx(host) {
  const out = [null];
  cc.check(fn.ccad_ctx_new(out, host));
  return out[0];
}

test('every function and struct of custcadence-abi.json is declared', () => {
  assert.strictEqual(Object.keys(fn).length, cc.abi.functions.length);
  for (const s of cc.abi.structs) {
    assert.strictEqual(cc.koffi.sizeof(cc.structs[s.name]), s.size, s.name);
  }
  assert.ok(cc.abi.functions.length >= 87);
});

test('the scenario prints what the C reference prints', (t) => {
  const reference = process.env.CUSTCADENCE_FFI_REFERENCE;
  if (!reference) {
    t.skip('CUSTCADENCE_FFI_REFERENCE (the ffi-scenario program) is not set');
    return;
  }
  const want = execFileSync(reference, { encoding: 'utf8' }).split('\n').filter((l) => l);
  const got = [];
  run(cc, (line) => got.push(line));
  assert.deepStrictEqual(got, want);
  assert.ok(got.some((l) => l.startsWith('item ')), 'the 5-day schedule has items');
});

test('a failing clock callback gives CCAD_ECALLBACK and names the clock', () => {
  const clock = cc.callback('ccad_host', 'clock', () => 1);
  try {
    const host = cc.init('ccad_host');
    host.clock = clock;
    const ctx = newCtx(host);
    const day = [12345];
    assert.strictEqual(fn.ccad_ctx_today(ctx, day), C.CCAD_ECALLBACK);
    assert.strictEqual(day[0], 12345, 'the out-parameter is untouched');
    assert.match(fn.ccad_ctx_errmsg(ctx), /clock/);
    assert.throws(() => cc.check(fn.ccad_ctx_today(ctx, day), ctx),
      (err) => err instanceof CcadError && err.code === C.CCAD_ECALLBACK);
    fn.ccad_ctx_free(ctx);
  } finally {
    cc.koffi.unregister(clock);
  }
});

test('money beyond 2^53 minor units round-trips as a BigInt', () => {
  const ctx = newCtx(null);
  const out = [null];
  cc.check(fn.ccad_book_new(out, ctx, 0), ctx);
  const book = out[0];
  const c = cc.init('ccad_customer');
  Object.assign(c, { id: 'whale', value: 2n ** 60n + 1n });
  const index = [0];
  cc.check(fn.ccad_book_add(book, c, index), ctx);
  const back = cc.init('ccad_customer');
  cc.check(fn.ccad_book_get(book, index[0], back), ctx);
  assert.strictEqual(BigInt(back.value), 2n ** 60n + 1n);
  assert.strictEqual(back.id, 'whale');
  fn.ccad_book_free(book);
  fn.ccad_ctx_free(ctx);
});

test('a struct size the library does not know is refused', () => {
  const ctx = newCtx(null);
  const out = [null];
  cc.check(fn.ccad_book_new(out, ctx, 0), ctx);
  const c = cc.init('ccad_customer');
  Object.assign(c, { id: 'x', size: c.size + 8 });
  assert.strictEqual(fn.ccad_book_add(out[0], c, null), C.CCAD_EVERSION);
  assert.strictEqual(fn.ccad_book_count(out[0]), 0);
  fn.ccad_book_free(out[0]);
  fn.ccad_ctx_free(ctx);
});

test('an exception in a callback fails the call and becomes the cause', () => {
  const boom = new Error('clock exploded');
  const clock = cc.callback('ccad_host', 'clock', () => { throw boom; });
  try {
    const host = cc.init('ccad_host');
    host.clock = clock;
    const ctx = newCtx(host);
    const day = [7];
    assert.throws(() => cc.check(fn.ccad_ctx_today(ctx, day), ctx),
      (err) => err.code === C.CCAD_ECALLBACK && err.cause === boom && /clock/.test(err.message));
    assert.strictEqual(day[0], 7);
    fn.ccad_ctx_free(ctx);
  } finally {
    cc.koffi.unregister(clock);
  }
});
