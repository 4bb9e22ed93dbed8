// Shows whether the server answers /plaintext as expected: the status box turns green or red.
"use strict";

(function () {
  const status = document.getElementById("status");

  function show(cssClass, text) {
    status.classList.remove("ok", "failed");
    status.classList.add(cssClass);
    status.textContent = text;
  }

  fetch("/plaintext", { cache: "no-store" })
    .then(function (response) {
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      return response.text();
    })
    .then(function (body) {
      if (body === "Hello, World!") {
        show("ok", "server reachable");
      } else {
        show("failed", "unexpected answer from /plaintext");
      }
    })
    .catch(function (error) {
      show("failed", "server unreachable (" + error.message + ")");
    });
})();
