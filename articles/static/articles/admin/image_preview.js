// Shows the image chosen in an ImagePreviewInput before the form is saved.
"use strict";
document.addEventListener("change", (event) => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || input.type !== "file" || !input.id) return;
  const preview = document.querySelector(`img[data-preview-for="${CSS.escape(input.id)}"]`);
  if (!preview) return;
  if (preview.src.startsWith("blob:")) URL.revokeObjectURL(preview.src);
  const file = input.files && input.files[0];
  if (file && file.type.startsWith("image/")) {
    preview.src = URL.createObjectURL(file);
    preview.hidden = false;
  } else {
    preview.removeAttribute("src");
    preview.hidden = true;
  }
});
