'use strict';
// The sandbox page's two ceremonies, as a platform's front end would run them against Custos.

const fromB64u = (s) => {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4);
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
};
const toB64u = (buffer) =>
  btoa(String.fromCharCode(...new Uint8Array(buffer)))
    .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const $ = (id) => document.getElementById(id);

function status(text, state) {
  $('status').textContent = text;
  $('status').dataset.state = state;
}

async function api(method, path, token, body) {
  const headers = { Authorization: 'Bearer ' + token };
  if (body) headers['Content-Type'] = 'application/vnd.api+json';
  const response = await fetch(path, { method, headers, body: body && JSON.stringify(body) });
  const json = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (json && json.errors && json.errors[0]) || {};
    throw new Error(response.status + ' ' + (error.code || '') + ': ' + (error.detail || ''));
  }
  return json;
}

const descriptors = (list) => (list || []).map((c) => ({ ...c, id: fromB64u(c.id) }));

// PublicKeyCredential.toJSON() where the browser has it; the same shape by hand elsewhere.
function credentialJson(credential) {
  if (typeof credential.toJSON === 'function') return credential.toJSON();
  const r = credential.response;
  const response = { clientDataJSON: toB64u(r.clientDataJSON) };
  if (r.attestationObject) {
    response.attestationObject = toB64u(r.attestationObject);
    response.transports = r.getTransports ? r.getTransports() : [];
  } else {
    response.authenticatorData = toB64u(r.authenticatorData);
    response.signature = toB64u(r.signature);
    response.userHandle = r.userHandle ? toB64u(r.userHandle) : null;
  }
  return {
    id: credential.id, rawId: toB64u(credential.rawId), type: credential.type, response,
    clientExtensionResults: credential.getClientExtensionResults(),
  };
}

async function enrol() {
  const org = $('org-token').value.trim();
  const customer = encodeURIComponent($('customer-id').value.trim());
  const started = await api('POST', '/customers/' + customer + '/passkeys/registration', org);
  const options = started.data.attributes.publicKey;
  const credential = await navigator.credentials.create({
    publicKey: {
      ...options,
      challenge: fromB64u(options.challenge),
      user: { ...options.user, id: fromB64u(options.user.id) },
      excludeCredentials: descriptors(options.excludeCredentials),
    },
  });
  const registered = await api('POST', '/customers/' + customer + '/passkeys', org, {
    data: { type: 'passkey', attributes: {
      verificationToken: started.data.attributes.verificationToken,
      credential: credentialJson(credential),
      name: $('passkey-name').value,
    } },
  });
  status('Enrolled passkey ' + registered.data.id + ' (' + registered.data.attributes.algorithm + ').', 'ok');
}

async function mint() {
  const org = $('org-token').value.trim();
  const customer = encodeURIComponent($('customer-id').value.trim());
  const started = await api('POST', '/customers/' + customer + '/token/verification', org, {
    data: { type: 'customerTokenVerification', attributes: { channel: 'passkey' } },
  });
  const options = started.data.attributes.publicKey;
  const assertion = await navigator.credentials.get({
    publicKey: {
      ...options,
      challenge: fromB64u(options.challenge),
      allowCredentials: descriptors(options.allowCredentials),
    },
  });
  const minted = await api('POST', '/customers/' + customer + '/token', org, {
    data: { type: 'customerToken', attributes: {
      scope: 'payments-write',
      verificationToken: started.data.attributes.verificationToken,
      passkeyAssertion: credentialJson(assertion),
    } },
  });
  $('token').textContent = minted.data.attributes.token;
  status('Minted a payments-write token on the passkey.', 'ok');
}

async function use() {
  const identity = await api('GET', '/identity', $('token').textContent.trim());
  $('identity').textContent = JSON.stringify(identity, null, 2);
  const a = identity.data.attributes;
  status('The token works: ' + a.scope + ', verified by ' + a.twoFactorMethod + '.', 'ok');
}

for (const [id, action] of [['enrol', enrol], ['mint', mint], ['use', use]]) {
  $(id).addEventListener('click', () => {
    status('Working…', 'busy');
    action().catch((e) => status(e.message || String(e), 'error'));
  });
}
