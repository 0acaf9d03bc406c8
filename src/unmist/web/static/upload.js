// Poll an upload job until the pipeline has finished, showing progress and refused files.
(function () {
  var box = document.getElementById("job");
  function poll() {
    fetch("/api/jobs/" + box.dataset.job).then(function (r) { return r.json(); }).then(function (job) {
      var bar = box.querySelector("progress"), status = box.querySelector(".status"), errors = box.querySelector(".errors");
      // while the upload is still being read the total is unknown (null): an indeterminate bar
      if (job.total || job.finished) { bar.max = job.total || 1; bar.value = job.finished ? bar.max : job.done; } else { bar.removeAttribute("value"); }
      status.textContent = job.finished ? "done: " + (job.summary ? job.summary.extracted + " report(s) extracted, " + job.summary.incidents + " incident(s) in the ledger" : "failed") : job.stage + " " + job.done + (job.total ? "/" + job.total : " report(s)");
      errors.textContent = "";
      job.errors.forEach(function (e) { var li = document.createElement("li"); li.textContent = e; errors.appendChild(li); });
      if (!job.finished) { setTimeout(poll, 500); } else { box.dataset.finished = "1"; }
    });
  }
  poll();
})();
