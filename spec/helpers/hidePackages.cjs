// Preload (`node -r`) that makes the packages named in HIDE_PACKAGES (comma-separated) look
// uninstalled: resolving them, or any file in them, fails as Node fails for a missing package.
// How the specs show what happens without an optional peer, without deleting anything.
const Module = require('node:module');

const hidden = (process.env.HIDE_PACKAGES ?? '').split(',').filter(Boolean);
const resolve = Module._resolveFilename;
Module._resolveFilename = function hideOptional(request, ...rest) {
  if (hidden.some((name) => request === name || request.startsWith(`${name}/`))) {
    const e = new Error(`Cannot find module '${request}'`);
    e.code = 'MODULE_NOT_FOUND';
    throw e;
  }
  return resolve.call(this, request, ...rest);
};

// The same for ES modules (`import`), through a resolve hook of Node's ESM loader.
const hook = `const hidden = ${JSON.stringify(hidden)};
export async function resolve(specifier, context, next) {
  if (hidden.some((name) => specifier === name || specifier.startsWith(name + '/'))) {
    throw Object.assign(new Error("Cannot find package '" + specifier + "'"), { code: 'ERR_MODULE_NOT_FOUND' });
  }
  return next(specifier, context);
}`;
Module.register(`data:text/javascript,${encodeURIComponent(hook)}`);
