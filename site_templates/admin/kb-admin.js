/* The editor's own part: every top-level field shows kb's validator's messages for it (the same
   Thai and English text `kb validate` prints), checked on the server as the form changes and
   again at save. Decap asks each field's control `isValid()`; ours asks the inner widget first,
   then the server's answer for the form as it stands. Each built-in widget is wrapped under its
   own name (Decap's reducers test names such as "list"); only fields the configuration marks
   kb_field (the top-level ones) consult the server. */
(function () {
  "use strict";
  var CMS = window.CMS, h = window.h, createClass = window.createClass;
  var WIDGETS = ["string", "text", "markdown", "datetime", "select", "number", "boolean",
                 "relation", "list", "object"];  // the widgets top-level fields use
  var latest = null;   // {folder, data}: the form as last seen by any field
  var answer = {key: null, promise: null, diagnostics: null};
  var timer = null;
  // kb serve --edit answers kbInfo; a git host does not, and then only Decap's checks run
  var ours = post("kbInfo", {}).then(function (b) { return !!(b && b.edit); }, function () { return false; });

  function post(action, params) {
    return fetch("/api/v1", {
      method: "POST", headers: {"Content-Type": "application/json"},
      body: JSON.stringify({action: action, params: params}),
    }).then(function (r) { return r.json(); });
  }

  function note(props) {
    if (!props.entry || !props.collection) return;
    latest = {folder: props.collection.get("folder"), data: props.entry.get("data").toJS()};
  }

  function keyOf(form) { return form ? JSON.stringify([form.folder, form.data]) : null; }

  /* The validator's answer for the latest form: one request per distinct form. */
  function check() {
    var form = latest, key = keyOf(form);
    if (!form || !form.data.id) return Promise.resolve([]);
    if (answer.key === key) return answer.promise;
    answer = {key: key, diagnostics: null, promise: null};
    var mine = answer;
    mine.promise = ours.then(function (on) {
      return on ? post("kbValidate", {path: form.folder + "/" + form.data.id + ".yaml", data: form.data})
                : {diagnostics: []};
    }).then(function (body) {
        mine.diagnostics = body.diagnostics ||
          [{field: "id", severity: "error", text: body.error || "validation failed"}];
        return mine.diagnostics;
      });
    return mine.promise;
  }

  function messages(diagnostics, field) {
    return diagnostics.filter(function (d) { return d.field === field && d.severity === "error"; })
      .map(function (d) { return d.text; }).join("\n");
  }

  function soon() {  // validate a moment after typing stops, so save finds the answer ready
    clearTimeout(timer);
    timer = setTimeout(check, 250);
  }

  function innerProblem(inner) {
    var result = inner && inner.isValid ? inner.isValid() : true;
    if (result === true || result === undefined || (result && result.error === false)) return null;
    return result;
  }

  function wrap(name) {
    var base = CMS.getWidget(name);
    if (!base) return;
    var Control = createClass({
      componentDidMount: function () { note(this.props); },
      componentDidUpdate: function (previous) {
        note(this.props);
        if (previous.value !== this.props.value) soon();
      },
      isValid: function () {
        var problem = innerProblem(this.inner);
        if (problem || !this.props.field.get("kb_field")) return problem || true;
        var field = this.props.field.get("name");
        if (answer.key === keyOf(latest) && answer.diagnostics) {
          var text = messages(answer.diagnostics, field);
          return text ? {error: {type: "CUSTOM", message: text}} : true;
        }
        return check().then(function (diagnostics) {
          var text = messages(diagnostics, field);
          if (text) throw text;
        });
      },
      focus: function () {
        if (this.inner && this.inner.focus) this.inner.focus.apply(this.inner, arguments);
      },
      render: function () {
        var self = this;
        return h(base.control, Object.assign({}, this.props, {ref: function (r) { self.inner = r; }}));
      },
    });
    CMS.registerWidget(name, Control, base.preview);
  }

  WIDGETS.forEach(wrap);
  window.kbAdmin = {check: check, latest: function () { return latest; }};
  // Decap's Thai "new" button starts with U+FF0B (fullwidth plus), which Thai and Latin fonts
  // lack: a reporter saw a missing-glyph box. The plain plus says the same.
  var th = CMS.getLocale("th");
  if (th && th.collection) {
    th.collection.collectionTop.newButton = "+ %{collectionLabel}";
    CMS.registerLocale("th", th);
  }
  CMS.init();
})();
