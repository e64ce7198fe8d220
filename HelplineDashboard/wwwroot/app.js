// Keyboard and focus for the app bar's plain menus (Components/PlainMenuBase.cs): one listener for the whole page,
// so no circuit keeps a component or a JS object per menu. See docs/decisions/0023-css-drawer-and-plain-menus.md.
(() => {
  "use strict";

  const items = menu => [...menu.querySelectorAll("[role=menuitem]:not([aria-disabled=true])")];

  window.hdMenu = {
    // Called by the component after it rendered the menu open, or closed again.
    focusFirst(list) {
      const first = list && items(list)[0];
      if (first) {
        first.focus();
      }
    },
    // Returns focus to the menu's button unless the person already moved it elsewhere (Tab, a click on a field).
    focus(element) {
      const active = document.activeElement;
      const lost = !active || active === document.body || element?.closest("[data-hd-menu]")?.contains(active);
      if (element && document.contains(element) && lost) {
        element.focus();
      }
    },
  };

  document.addEventListener("keydown", event => {
    const target = event.target;
    if (!(target instanceof Element)) {
      return;
    }

    const menu = target.closest("[data-hd-menu]");
    if (!menu) {
      return;
    }

    const button = menu.querySelector("[data-hd-menu-button]");
    if (target === button) {
      // Enter and Space click a button by themselves; ArrowDown opens a closed menu too.
      if (event.key === "ArrowDown" && button.getAttribute("aria-expanded") !== "true") {
        event.preventDefault();
        button.click();
      }
      return;
    }

    if (target.getAttribute("role") !== "menuitem") {
      return;
    }

    const all = items(menu);
    const at = all.indexOf(target);
    const move = index => {
      event.preventDefault();
      all[(index + all.length) % all.length]?.focus();
    };

    switch (event.key) {
      case "ArrowDown": move(at + 1); break;
      case "ArrowUp": move(at - 1); break;
      case "Home": move(0); break;
      case "End": move(all.length - 1); break;
      case "Enter":
      case " ":
        event.preventDefault();
        target.click();
        break;
      case "Escape":
      case "Tab":
        // Closes the menu (the button toggles it); the component then returns focus to the button.
        if (event.key === "Escape") {
          event.preventDefault();
        }
        button?.click();
        break;
    }
  });
})();
