/**
 * The desk database's design document. CouchDB runs `validate_doc_update` on every write,
 * replication included: it refuses a write to another member's document (the `owner`
 * must be the writer's desk user name, before and after) and a document that does not have
 * the shape of a Newsmark desk document. Newsmark validates every incoming document again
 * with the zod schemas (shared/desk/docs.ts); this is the server's first line.
 * Plain ES5: CouchDB's JavaScript engine runs it.
 */
export const DESIGN_DOC_ID = '_design/newsmark';
/** Bumped when the function changes, so `newsmark desk init` knows to rewrite it. */
export const DESIGN_VERSION = 1;

export const VALIDATE_DOC_UPDATE = `function (newDoc, oldDoc, userCtx, secObj) {
  var isAdmin = userCtx.roles.indexOf('_admin') !== -1;
  if (newDoc._id.indexOf('_design/') === 0) {
    if (!isAdmin) throw({ forbidden: 'Only a server admin changes the design document.' });
    return;
  }
  if (isAdmin) return;
  if (oldDoc && oldDoc.owner !== userCtx.name) throw({ forbidden: 'This document belongs to ' + oldDoc.owner + '.' });
  if (newDoc._deleted) return;
  if (newDoc.owner !== userCtx.name) throw({ forbidden: 'owner must be your desk user name (' + userCtx.name + ').' });
  if (newDoc.v !== 1) throw({ forbidden: 'v must be 1.' });
  function isObj(x) { return x !== null && typeof x === 'object' && !(x instanceof Array); }
  function str(x, max) { return typeof x === 'string' && x.length <= max; }
  function noForbiddenKeys(x, depth) {
    if (depth > 64) throw({ forbidden: 'nested too deep.' });
    if (x === null || typeof x !== 'object') return;
    for (var k in x) {
      if (k === '__proto__' || k === 'constructor' || k === 'prototype') throw({ forbidden: 'forbidden key ' + k + '.' });
      noForbiddenKeys(x[k], depth + 1);
    }
  }
  noForbiddenKeys(newDoc, 0);
  if (newDoc.type === 'article') {
    var a = newDoc.article;
    if (!isObj(a) || !str(a.id, 200) || newDoc._id !== 'article:' + a.id) throw({ forbidden: '_id must be article:<article.id>.' });
    if (!str(a.text, 5000000) || !/^sha256:[0-9a-f]{64}$/.test(a.textHash)) throw({ forbidden: 'article needs its text and textHash.' });
    if (!isObj(newDoc.sharedBy) || !str(newDoc.sharedBy.id, 200)) throw({ forbidden: 'sharedBy must name the editor.' });
    return;
  }
  if (newDoc.type === 'annotation') {
    var n = newDoc.annotation;
    if (!isObj(n) || !str(n.id, 200) || !str(newDoc.articleId, 200) || newDoc._id !== 'ann:' + newDoc.articleId + ':' + n.id) throw({ forbidden: '_id must be ann:<articleId>:<annotation.id>.' });
    if (['claim', 'quote', 'attribution'].indexOf(n.tag) === -1) throw({ forbidden: 'tag must be claim, quote or attribution.' });
    if (!(n.spans instanceof Array) || n.spans.length < 1 || n.spans.length > 1000) throw({ forbidden: 'spans must hold 1 to 1000 spans.' });
    for (var i = 0; i < n.spans.length; i++) {
      var s = n.spans[i];
      if (!isObj(s) || typeof s.start !== 'number' || typeof s.end !== 'number' || s.start < 0 || s.end <= s.start || s.start % 1 || s.end % 1) throw({ forbidden: 'spans[' + i + '] must be whole numbers with start < end.' });
    }
    if (!isObj(n.author) || !str(n.author.id, 200)) throw({ forbidden: 'annotation.author must name the editor.' });
    return;
  }
  throw({ forbidden: 'type must be article or annotation.' });
}`;

export function designDoc(): { _id: string; version: number; validate_doc_update: string } {
  return { _id: DESIGN_DOC_ID, version: DESIGN_VERSION, validate_doc_update: VALIDATE_DOC_UPDATE };
}
