// Network page, progressive enhancement: a year slider that sets the date and shows the relations then.
// Without JavaScript the date input and the Show button do the same.
document.addEventListener("DOMContentLoaded", () => {
  for (const holder of document.querySelectorAll("[data-date-slider]")) {
    const input = document.getElementById(holder.dataset.target);
    if (!input) continue;
    const min = Number(holder.dataset.min), max = Number(holder.dataset.max);
    const label = document.createElement("label");
    const slider = document.createElement("input");
    const shown = document.createElement("output");
    slider.type = "range";
    slider.min = String(min);
    slider.max = String(max);
    slider.step = "1";
    slider.value = input.value ? input.value.slice(0, 4) : String(max);
    shown.textContent = input.value ? slider.value : "any year";
    label.append("Year ", slider, " ", shown);
    holder.append(label);
    slider.addEventListener("input", () => { shown.textContent = slider.value; });
    slider.addEventListener("change", () => {
      input.value = `${slider.value}-07-01`;  // mid-year: relations holding in the middle of that year
      input.form.requestSubmit();
    });
  }
});
