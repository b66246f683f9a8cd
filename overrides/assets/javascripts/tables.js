// Sortable tables (Material's documented tablesort integration), served from
// this site: tablesort.min.js is tablesort 5.7.1 from the npm registry (MIT).
document$.subscribe(function () {
  document.querySelectorAll("article table:not([class])").forEach(function (table) {
    new Tablesort(table);
  });
});
