(function () {
  var table = document.getElementById('workflow-table');
  if (!table) { return; }
  var body = table.tBodies[0];
  var filter = document.getElementById('workflow-filter');
  var shown = document.getElementById('workflow-shown');
  filter.addEventListener('input', function () {
    var q = filter.value.toLowerCase(), n = 0;
    for (var i = 0; i < body.rows.length; i++) {
      var row = body.rows[i], match = row.textContent.toLowerCase().indexOf(q) >= 0;
      row.hidden = !match;
      if (match) { n++; }
    }
    shown.textContent = n;
  });
  var heads = table.tHead.rows[0].cells;
  for (var c = 0; c < heads.length; c++) {
    heads[c].style.cursor = 'pointer';
    heads[c].addEventListener('click', (function (col) {
      return function () {
        var th = heads[col], numeric = th.getAttribute('data-sort') === 'num';
        var dir = th.getAttribute('data-dir') === 'desc' ? 'asc' : 'desc';
        for (var k = 0; k < heads.length; k++) { heads[k].removeAttribute('data-dir'); }
        th.setAttribute('data-dir', dir);
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col], y = b.cells[col];
          var d = numeric ? (parseFloat(x.getAttribute('data-v') || x.textContent) || 0)
              - (parseFloat(y.getAttribute('data-v') || y.textContent) || 0)
              : x.textContent.localeCompare(y.textContent);
          return dir === 'asc' ? d : -d;
        });
        var frag = document.createDocumentFragment();
        rows.forEach(function (r) { frag.appendChild(r); });
        body.appendChild(frag);
      };
    })(c));
  }
})();
