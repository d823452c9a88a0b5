// Select every flag of the filtered queue at once for a bulk decision.
document.addEventListener("change", function (event) {
  if (event.target.id === "select-all") {
    document.querySelectorAll("input[name=flag_id]").forEach(function (box) { box.checked = event.target.checked; });
  }
});
