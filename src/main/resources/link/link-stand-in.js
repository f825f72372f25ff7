/* Token Console's local sandbox: a stand-in for Argyle's Link with the same surface
   (Argyle.create({...}), open(), close()) and a small flow, for rehearsing Link offline.
   It is not Argyle's Link and says so on every screen. Sandbox logins: test_1 / test_2 / test_3,
   password passgood, verification codes 8081 / 8082 / 8083. */
(function () {
  'use strict';
  var page = JSON.parse(document.getElementById('link-config').textContent);
  var VERIFY_URL = page.standIn.verify;
  var TOKEN_WAIT_MILLIS = page.standIn.tokenWaitMillis;
  var NONCE = page.host.nonce;
  var LABEL = page.standInLabel;
  var EMPLOYERS = [
    { id: 'item_local_0001', name: 'Northwind Traders' },
    { id: 'item_local_0002', name: 'Globex Logistics' },
    { id: 'item_local_0003', name: 'Initrode Payroll Services' },
    { id: 'item_local_0004', name: 'Blue Harbor Hospital' },
    { id: 'item_local_0005', name: 'Quickstep Deliveries' }
  ];
  var LOGINS = { test_1: '8081', test_2: '8082', test_3: '8083' };

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function uuid() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, function (c) {
      var r = Math.random() * 16 | 0;
      return (c === 'x' ? r : (r & 0x3 | 0x8)).toString(16);
    });
  }

  function create(settings) {
    if (!settings || typeof settings.userToken !== 'string') {
      throw new Error('Argyle.create needs a userToken');
    }
    var token = settings.userToken;
    var userId = null;
    var overlay = null;
    var body = null;
    var accounts = {};

    function call(name, payload) {
      if (typeof settings[name] === 'function') {
        try { settings[name](payload); } catch (ignored) { /* a page's callback must not stop Link */ }
      }
    }

    function uiEvent(name, properties) {
      call('onUIEvent', { name: name, properties: properties || {} });
    }

    function screen(title) {
      body.textContent = '';
      body.appendChild(el('h2', { 'class': 'standin-title' }, title));
      return body;
    }

    function message(text, kind) {
      body.appendChild(el('p', { 'class': 'standin-' + (kind || 'note'), role: kind === 'error' ? 'alert' : 'status' }, text));
    }

    function verify(candidate) {
      return fetch(VERIFY_URL, {
        method: 'POST', cache: 'no-store', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-Link-Nonce': NONCE },
        body: JSON.stringify({ userToken: candidate })
      }).then(function (answer) {
        if (!answer.ok) { return { status: 'unreachable' }; }
        return answer.json();
      }, function () { return { status: 'unreachable' }; });
    }

    function fail(errorType, errorMessage) {
      call('onError', { userId: userId, errorType: errorType, errorMessage: errorMessage, errorDetails: '' });
      screen('Something went wrong');
      message(errorMessage, 'error');
    }

    /* Like Link, check the token before each step; an expired one goes to the page's onTokenExpired. */
    function withValidToken(next, renewed) {
      verify(token).then(function (verdict) {
        if (verdict.status === 'valid') {
          userId = verdict.userId;
          next();
        } else if (verdict.status === 'expired' && !renewed) {
          userId = verdict.userId;
          askForNewToken(next);
        } else if (verdict.status === 'expired') {
          fail('expired_user_token', 'The user token has expired.');
        } else if (verdict.status === 'unreachable') {
          fail('generic', 'The local sandbox does not answer: is Token Console still running?');
        } else {
          fail('invalid_user_token', 'The user token is not a token of this local sandbox.');
        }
      });
    }

    function askForNewToken(next) {
      screen('Refreshing your session');
      message('The user token has expired. Waiting for a new one from the page\u2026');
      var answered = false;
      var timer = setTimeout(function () {
        if (!answered) {
          answered = true;
          fail('expired_user_token', 'The user token has expired and no new token was given.');
        }
      }, TOKEN_WAIT_MILLIS);
      if (typeof settings.onTokenExpired !== 'function') {
        return;
      }
      settings.onTokenExpired(function updateToken(fresh) {
        if (answered) { return; }
        answered = true;
        clearTimeout(timer);
        token = String(fresh);
        withValidToken(next, true);
      });
    }

    function searchScreen() {
      uiEvent('search - opened');
      var root = screen('Find your employer or payroll provider');
      var field = el('input', { id: 'standin-search', type: 'search', placeholder: 'Search employers', autocomplete: 'off' });
      var list = el('ul', { id: 'standin-items', 'class': 'standin-items' });
      var cantFind = el('button', { id: 'standin-cant-find', type: 'button', 'class': 'standin-link' }, 'Can\u2019t find your employer?');
      function render() {
        list.textContent = '';
        var wanted = field.value.trim().toLowerCase();
        offered().filter(function (item) { return item.name.toLowerCase().indexOf(wanted) >= 0; })
          .forEach(function (item) {
            var choice = el('button', { type: 'button', 'class': 'standin-item', 'data-item-id': item.id }, item.name);
            choice.addEventListener('click', function () {
              uiEvent('search - item selected', { itemId: item.id });
              withValidToken(function () { loginScreen(item); });
            });
            var row = el('li');
            row.appendChild(choice);
            list.appendChild(row);
          });
      }
      field.addEventListener('input', render);
      cantFind.addEventListener('click', function () { call('onCantFindItemClicked', field.value); });
      root.appendChild(field);
      root.appendChild(list);
      root.appendChild(cantFind);
      render();
      field.focus();
    }

    function offered() {
      if (!settings.items || !settings.items.length) { return EMPLOYERS; }
      return settings.items.map(function (id) {
        var known = EMPLOYERS.filter(function (item) { return item.id === id; })[0];
        return known || { id: id, name: id };
      });
    }

    function loginScreen(item) {
      uiEvent('login - opened', { itemId: item.id });
      var root = screen('Sign in to ' + item.name);
      var form = el('form', { id: 'standin-login' });
      var username = el('input', { id: 'standin-username', name: 'username', placeholder: 'Username', autocomplete: 'off' });
      var password = el('input', { id: 'standin-password', name: 'password', type: 'password', placeholder: 'Password' });
      form.appendChild(username);
      form.appendChild(password);
      form.appendChild(el('button', { id: 'standin-sign-in', type: 'submit' }, 'Connect'));
      form.appendChild(el('p', { 'class': 'standin-note' }, 'Sandbox logins: test_1, test_2 or test_3 with password passgood.'));
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        withValidToken(function () { signIn(item, username.value.trim(), password.value); });
      });
      root.appendChild(form);
      username.focus();
    }

    function account(item) {
      if (!accounts[item.id]) {
        accounts[item.id] = uuid();
        call('onAccountCreated', { accountId: accounts[item.id], userId: userId, itemId: item.id });
      }
      return { accountId: accounts[item.id], userId: userId, itemId: item.id };
    }

    function signIn(item, username, password) {
      var ids = account(item);
      if (!Object.prototype.hasOwnProperty.call(LOGINS, username) || password !== 'passgood') {
        uiEvent('login - failed', { itemId: item.id, connectionErrorCode: 'invalid_credentials' });
        call('onAccountError', ids);
        loginScreen(item);
        message('Invalid credentials: the username or password is not right (invalid_credentials).', 'error');
        return;
      }
      codeScreen(item, LOGINS[username]);
    }

    function codeScreen(item, expectedCode) {
      uiEvent('mfa - opened', { itemId: item.id });
      var root = screen('Enter the verification code');
      var form = el('form', { id: 'standin-mfa' });
      var code = el('input', { id: 'standin-code', name: 'code', inputmode: 'numeric', placeholder: 'Code', autocomplete: 'off' });
      form.appendChild(code);
      form.appendChild(el('button', { id: 'standin-submit-code', type: 'submit' }, 'Submit'));
      form.appendChild(el('p', { 'class': 'standin-note' }, 'Sandbox codes: 8081 for test_1, 8082 for test_2, 8083 for test_3.'));
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        withValidToken(function () {
          var ids = account(item);
          if (code.value.trim() !== expectedCode) {
            uiEvent('mfa - failed', { itemId: item.id, connectionErrorCode: 'invalid_mfa' });
            call('onAccountError', ids);
            codeScreen(item, expectedCode);
            message('That verification code is not right (invalid_mfa).', 'error');
            return;
          }
          call('onAccountConnected', ids);
          successScreen(item);
        });
      });
      root.appendChild(form);
      code.focus();
    }

    function successScreen(item) {
      uiEvent('success - opened', { itemId: item.id });
      var root = screen('Connected to ' + item.name);
      var done = el('button', { id: 'standin-done', type: 'button' }, 'Done');
      done.addEventListener('click', close);
      root.appendChild(done);
    }

    function open() {
      if (overlay) { return; }
      overlay = el('div', { id: 'standin-overlay', 'class': 'standin-overlay', role: 'dialog', 'aria-label': LABEL });
      var frame = el('div', { 'class': 'standin-frame' });
      var bar = el('div', { 'class': 'standin-bar' });
      bar.appendChild(el('strong', { id: 'standin-label' }, LABEL));
      var closer = el('button', { id: 'standin-close', type: 'button', 'aria-label': 'Close' }, '\u00d7');
      closer.addEventListener('click', close);
      bar.appendChild(closer);
      body = el('div', { 'class': 'standin-body' });
      frame.appendChild(bar);
      frame.appendChild(body);
      frame.appendChild(el('p', { 'class': 'standin-foot' },
        'Not Argyle\u2019s Link: Token Console\u2019s offline stand-in for the local sandbox.'));
      overlay.appendChild(frame);
      document.body.appendChild(overlay);
      screen('Checking the user token\u2026');
      withValidToken(function () {
        var items = offered();
        if (settings.items && settings.items.length === 1) { loginScreen(items[0]); } else { searchScreen(); }
      });
    }

    function close() {
      if (!overlay) { return; }
      overlay.parentNode.removeChild(overlay);
      overlay = null;
      call('onClose');
    }

    return { open: open, close: close };
  }

  var style = document.createElement('style');
  style.textContent = [
    '.standin-overlay{position:fixed;inset:0;background:rgba(31,35,40,.55);display:flex;align-items:center;justify-content:center}',
    '.standin-frame{background:#fff;width:380px;border-radius:12px;box-shadow:0 8px 32px rgba(0,0,0,.3);overflow:hidden}',
    '.standin-bar{display:flex;justify-content:space-between;align-items:center;background:#1a7f37;color:#fff;padding:10px 14px}',
    '.standin-bar button{background:none;border:none;color:#fff;font-size:22px;cursor:pointer}',
    '.standin-body{padding:16px 18px;min-height:220px}',
    '.standin-title{font-size:17px;margin:0 0 12px}',
    '.standin-body input{display:block;width:100%;box-sizing:border-box;margin:6px 0;padding:8px;font-size:14px}',
    '.standin-items{list-style:none;padding:0;margin:8px 0}',
    '.standin-item{width:100%;text-align:left;padding:8px;margin:2px 0;background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;cursor:pointer}',
    '.standin-link{background:none;border:none;color:#0969da;cursor:pointer;padding:0}',
    '.standin-error{color:#cf222e;font-weight:600}',
    '.standin-note{color:#57606a;font-size:12px}',
    '.standin-foot{margin:0;padding:8px 14px;font-size:11px;color:#57606a;background:#f6f8fa}'
  ].join('\n');
  document.head.appendChild(style);

  window.Argyle = { create: create };
}());
