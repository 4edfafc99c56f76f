// A search-as-you-type picker for coded fields, as the ARIA combobox pattern (WAI-ARIA APG,
// "Editable Combobox With List Autocomplete") describes it: the input is a `combobox` that
// controls a `listbox` popup; Down/Up move through the options (Alt+Down opens, Escape closes
// and then clears), Enter or Tab on an active option picks it, a click picks too. The input
// keeps what the person typed until an option is picked: a code typed in full is a value, and
// the validator says what it thinks of it.

let serial = 0;

/**
 * Turns `input` into a combobox.
 * - `find(query)`: the options for what is typed, [{ value, text, detail }] (may be empty);
 * - `onPick(value)`: called when an option is picked (the input then holds `value`);
 * - `words()`: { searchNone, searchWait } in the page's language;
 * - `waiting()`: true while the search has no data yet (the names file is loading).
 * Returns { close(), refresh() }.
 */
export function picker(input, { find, onPick, words, waiting }) {
  serial += 1;
  const listbox = document.createElement("ul");
  listbox.id = `${input.id || `picker-${serial}`}-options`;
  listbox.setAttribute("role", "listbox");
  listbox.className = "picker-options";
  listbox.hidden = true;
  input.after(listbox);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listbox.id);
  input.autocomplete = "off";
  input.spellcheck = false;

  let options = [];
  let active = -1;
  // Closed after a pick or Escape, until the person types again.
  let closed = true;

  function render() {
    listbox.replaceChildren(
      ...options.map((option, i) => {
        const item = document.createElement("li");
        item.id = `${listbox.id}-${i}`;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", String(i === active));
        item.dataset.value = option.value;
        const code = document.createElement("span");
        code.className = "code";
        code.textContent = option.value;
        const text = document.createElement("span");
        text.className = "name";
        text.textContent = option.text;
        item.append(code, " ", text);
        if (option.detail) {
          const detail = document.createElement("span");
          detail.className = "detail";
          detail.textContent = option.detail;
          item.append(" ", detail);
        }
        // mousedown, not click: the input must not lose focus (and close the list) first.
        item.addEventListener("mousedown", (event) => {
          event.preventDefault();
          pick(i);
        });
        return item;
      }),
    );
    if (options.length === 0 && input.value.trim() !== "" && !closed) {
      const none = document.createElement("li");
      none.className = "none";
      none.setAttribute("role", "option");
      none.setAttribute("aria-disabled", "true");
      none.setAttribute("aria-selected", "false");
      none.id = `${listbox.id}-none`;
      // Before the place names have come, search has nothing to search yet.
      none.textContent = waiting?.() ? words().searchWait : words().searchNone;
      listbox.append(none);
    }
    const open = !closed && listbox.childElementCount > 0 && document.activeElement === input;
    listbox.hidden = !open;
    input.setAttribute("aria-expanded", String(open));
    if (active >= 0 && open) {
      input.setAttribute("aria-activedescendant", `${listbox.id}-${active}`);
      listbox.children[active].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function refresh() {
    closed = false;
    const query = input.value.trim();
    options = query === "" ? [] : find(query);
    active = -1;
    render();
  }

  function close() {
    closed = true;
    options = [];
    active = -1;
    render();
  }

  function pick(i) {
    const option = options[i];
    if (!option) return;
    input.value = option.value;
    close();
    onPick(option.value);
  }

  input.addEventListener("input", refresh);
  input.addEventListener("focus", () => {
    if (input.value.trim() !== "") refresh();
  });
  input.addEventListener("blur", close);
  input.addEventListener("keydown", (event) => {
    const open = !listbox.hidden;
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!open) refresh();
        if (options.length > 0) active = (active + 1) % options.length;
        render();
        break;
      case "ArrowUp":
        event.preventDefault();
        if (options.length > 0) active = active <= 0 ? options.length - 1 : active - 1;
        render();
        break;
      case "Enter":
        if (open && active >= 0) {
          event.preventDefault();
          pick(active);
        }
        break;
      case "Tab":
        if (open && active >= 0) pick(active);
        break;
      case "Escape":
        if (open) {
          event.preventDefault();
          close();
        } else if (input.value !== "") {
          event.preventDefault();
          input.value = "";
          input.dispatchEvent(new Event("input", { bubbles: true }));
          close();
        }
        break;
      case "Home":
      case "End":
        // Left to the input (the caret), as the pattern says for editable comboboxes.
        break;
      default:
    }
  });
  return { close, refresh };
}
