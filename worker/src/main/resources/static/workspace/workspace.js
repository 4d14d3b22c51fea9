// The workspace's behaviour beyond htmx: CSRF header, local times, countdowns, focus.
(function () {
  "use strict";
  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute("content") : null;
  }

  // Every htmx request carries the CSRF token, like the forms do.
  document.addEventListener("htmx:configRequest", function (e) {
    var header = meta("csrf-header");
    var token = meta("csrf-token");
    if (header && token) {
      e.detail.headers[header] = token;
    }
  });

  // Times arrive as ISO instants and are shown in the browser's time zone.
  function localTimes(root) {
    root.querySelectorAll("time[datetime]:not([data-local])").forEach(function (t) {
      var d = new Date(t.getAttribute("datetime"));
      if (!isNaN(d)) {
        t.textContent = d.toLocaleString([], { dateStyle: "short", timeStyle: "medium" });
        t.setAttribute("data-local", "");
      }
    });
  }

  function countdowns() {
    var now = Date.now();
    document.querySelectorAll(".countdown[data-deadline]").forEach(function (c) {
      var left = Math.round((new Date(c.getAttribute("data-deadline")).getTime() - now) / 1000);
      if (left <= 0) {
        c.textContent = "now";
        return;
      }
      var m = Math.floor(left / 60);
      var s = left % 60;
      c.textContent = (m > 0 ? m + " min " : "") + s + " s";
    });
  }

  function refresh(root) {
    localTimes(root);
    countdowns();
  }

  document.addEventListener("DOMContentLoaded", function () {
    refresh(document);
    setInterval(countdowns, 1000);
    // Only the one-off formatting here: countdowns change text every second themselves.
    new MutationObserver(function () {
      localTimes(document);
    }).observe(document.body, { childList: true, subtree: true });
  });

  // Focus what a swap asks for (a confirmation's heading, a result), for keyboard users.
  document.addEventListener("htmx:afterSwap", function (e) {
    var target = e.detail.target.querySelector("[data-focus]");
    if (target) {
      target.focus();
    }
  });

  // Buttons that dismiss a region (a confirmation's Cancel).
  document.addEventListener("click", function (e) {
    var button = e.target.closest("[data-dismiss]");
    if (button) {
      var region = document.querySelector(button.getAttribute("data-dismiss"));
      if (region) {
        region.innerHTML = "";
      }
      var end = document.getElementById("end-button");
      if (end) {
        end.focus();
      }
    }
  });

  // The transcript follows its newest message.
  document.addEventListener("htmx:sseMessage", function () {
    document.querySelectorAll(".transcript").forEach(function (t) {
      t.scrollTop = t.scrollHeight;
    });
  });
})();
