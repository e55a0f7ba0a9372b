'use strict';
// libcustcadence for Node.js, on koffi. Nothing here repeats the header:
// every struct, enum, constant and function is declared from
// custcadence-abi.json (docs/ffi.md), and every struct layout koffi computes
// is checked against the sizes and offsets the C compiler wrote there.

const fs = require('node:fs');
const { execFileSync } = require('node:child_process');
const koffi = require('koffi');

// Where custcadence-abi.json is: the option, $CUSTCADENCE_ABI_JSON, or the
// installed copy that pkg-config names.
function findAbiJson(explicit) {
  if (explicit) return explicit;
  if (process.env.CUSTCADENCE_ABI_JSON) return process.env.CUSTCADENCE_ABI_JSON;
  try {
    return execFileSync('pkg-config', ['--variable=abi_json', 'custcadence'],
      { encoding: 'utf8' }).trim();
  } catch (err) {
    throw new Error('custcadence-abi.json not found: set CUSTCADENCE_ABI_JSON, or install ' +
      'libcustcadence-dev so that pkg-config names it (' + err.message + ')');
  }
}

// Direction of a pointer parameter for koffi: a handle is passed as is, a
// `T **` receives a handle, a struct the caller sized or a scalar
// out-parameter is copied in and out (the library reads a struct's `size`,
// and leaves an out-parameter as it was on error: copying in keeps that
// promise visible in JavaScript), a char buffer is written in place (pass a
// Buffer).
function annotate(type, opaque) {
  const m = /^(const )?(\w+) (\*+)$/.exec(type);
  if (!m || m[1]) return type;
  const [, , base, stars] = m;
  if (opaque.has(base)) return stars === '**' ? '_Out_ ' + type : type;
  if (base === 'char' || base === 'void') return type;
  return '_Inout_ ' + type;
}

// A koffi prototype from the JSON's signature; opaque is null for callback
// types, whose pointer arguments reach JavaScript as raw pointers (read and
// written with koffi.decode and koffi.encode).
function prototype(name, returns, params, opaque) {
  const args = params.map((p) => (opaque ? annotate(p.type, opaque) : p.type) + ' ' + p.name);
  return `${returns} ${name}(${args.join(', ') || 'void'})`;
}

function fieldType(struct, field, opaque, declareCallbackType) {
  if (field.callback) {
    const cb = field.callback;
    for (const p of cb.params) declareCallbackType(p.type.replace(/[ *]+$/, ''));
    return koffi.pointer(koffi.proto(
      prototype(`${struct.name}_${field.name}_fn`, cb.returns, cb.params, null)));
  }
  if (field.dims) {
    let t = field.type;
    for (const n of [...field.dims].reverse()) t = koffi.array(t, n);
    return t;
  }
  return field.type;
}

// Declares every type and function of the ABI description with koffi, in
// header order (a type must be known before a prototype names it; a
// callback typedef is declared when the first struct member needs it).
function declare(abi, lib) {
  const opaque = new Set(abi.opaque);
  for (const name of abi.opaque) koffi.opaque(name);
  const pending = new Map(abi.callback_types.map((cb) => [cb.name, cb]));
  const declareCallbackType = (name) => {
    const cb = pending.get(name);
    if (!cb) return;
    pending.delete(name);
    // the C typedef is the pointer: koffi's prototype gets its own name
    const proto = koffi.proto(
      prototype(cb.name + '_proto', cb.callback.returns, cb.callback.params, null));
    koffi.alias(cb.name, koffi.pointer(proto));
  };
  const structs = {};
  for (const s of abi.structs) {
    const def = {};
    for (const f of s.fields) def[f.name] = fieldType(s, f, opaque, declareCallbackType);
    structs[s.name] = koffi.struct(s.name, def);
    if (koffi.sizeof(structs[s.name]) !== s.size) {
      throw new Error(`${s.name}: koffi lays it out in ${koffi.sizeof(structs[s.name])} bytes, ` +
        `the C compiler in ${s.size}`);
    }
    for (const f of s.fields) {
      const at = structs[s.name].members[f.name].offset;
      if (at !== f.offset) throw new Error(`${s.name}.${f.name}: koffi offset ${at}, C ${f.offset}`);
    }
  }
  for (const name of [...pending.keys()]) declareCallbackType(name);
  const fn = {};
  for (const f of abi.functions) fn[f.name] = lib.func(prototype(f.name, f.returns, f.params, opaque));
  return { structs, fn };
}

class CcadError extends Error {
  constructor(code, text, message) {
    super(message ? `${text}: ${message}` : text);
    this.code = code;
  }
}

// Loads the library and its description. Options: abiJson (path), library
// (path; default $CUSTCADENCE_LIB, then the soname through the system's
// loader).
function load(options = {}) {
  const abiPath = findAbiJson(options.abiJson);
  const abi = JSON.parse(fs.readFileSync(abiPath, 'utf8'));
  const lib = koffi.load(options.library || process.env.CUSTCADENCE_LIB || abi.soname);
  const { structs, fn } = declare(abi, lib);
  const constants = {};
  for (const c of abi.constants) constants[c.name] = c.value;
  for (const e of abi.enums) for (const v of e.values) constants[v.name] = v.value;
  if (fn.ccad_version_string() !== abi.version) {
    throw new Error(`the library is ${fn.ccad_version_string()}, ${abiPath} describes ${abi.version}`);
  }
  const callbackErrors = [];
  return {
    abi, koffi, lib, fn, structs, C: constants,
    // A struct with its size and defaults set, from its ccad_*_init function.
    init(name) {
      const s = abi.structs.find((x) => x.name === name);
      if (!s || !s.init) throw new Error(`${name} has no _init function`);
      const out = {};
      fn[s.init](out);
      return out;
    },
    // Throws a CcadError for a status other than CCAD_OK, with the
    // context's message when a context is given, and as its cause the
    // exception a callback threw during the call, if one did.
    check(rc, ctx) {
      const thrown = callbackErrors.shift();
      callbackErrors.length = 0;
      if (rc === constants.CCAD_OK) return rc;
      const err = new CcadError(rc, fn.ccad_strerror(rc), ctx ? fn.ccad_ctx_errmsg(ctx) : '');
      if (thrown !== undefined) err.cause = thrown;
      throw err;
    },
    // A host callback for a struct member such as ccad_host.clock; keep it
    // registered for as long as the library may call it, then unregister.
    // An exception thrown by jsFunction must not cross into C: it is kept
    // for check() and the callback reports failure (-1, or NULL for a
    // pointer result), so the library fails the call with CCAD_ECALLBACK.
    callback(structName, field, jsFunction) {
      const type = structs[structName].members[field].type;
      const failure = /^int\b/.test(abi.structs.find((s) => s.name === structName)
        .fields.find((f) => f.name === field).callback.returns) ? -1 : null;
      return koffi.register((...args) => {
        try {
          return jsFunction(...args);
        } catch (err) {
          callbackErrors.push(err);
          return failure;
        }
      }, type);
    },
  };
}

module.exports = { load, CcadError };
