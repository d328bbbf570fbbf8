-- Headless Neovim (0.7 or later) as a real client of `vstream lsp`: it opens a copy of an example with a mistake in it,
-- receives the diagnostics, completes a practice and renames a step, and asserts each. Run by scripts/lsp-check.sh:
--   VSTREAM_BIN=... VSTREAM_STREAM=copy.vstream nvim --headless --clean -c "luafile tests/lsp/neovim.lua"
-- It ends Neovim with status 0 when every check holds, 1 otherwise (with the reason on standard error).

local function fail(message)
  io.stderr:write("neovim: FAIL: " .. message .. "\n")
  vim.cmd("cquit 1")
end

local function check(condition, message)
  if not condition then fail(message) end
  return condition
end

local ok, err = pcall(function()
  local binary = assert(os.getenv("VSTREAM_BIN"), "VSTREAM_BIN is not set")
  local path = assert(os.getenv("VSTREAM_STREAM"), "VSTREAM_STREAM is not set")
  vim.cmd("edit " .. vim.fn.fnameescape(path))
  local buffer = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = "vstream",
    cmd = { binary, "lsp" },
    root_dir = vim.fn.fnamemodify(path, ":h"),
  })
  check(client_id ~= nil, "the client did not start")
  vim.lsp.buf_attach_client(buffer, client_id)

  -- 1. The diagnostics: the copy says `activity engag`, which check reports as VS308.
  local got = vim.wait(20000, function() return #vim.diagnostic.get(buffer) > 0 end, 50)
  check(got, "no diagnostics arrived")
  local codes = {}
  for _, diagnostic in ipairs(vim.diagnostic.get(buffer)) do
    table.insert(codes, tostring(diagnostic.code or (diagnostic.user_data and diagnostic.user_data.lsp.code)))
  end
  check(vim.tbl_contains(codes, "VS308"), "expected VS308 among the diagnostics, got " .. table.concat(codes, ","))
  local before = #codes

  -- 2. Complete a practice: a new practice on the first `practices` line, after a comma.
  local lines = vim.api.nvim_buf_get_lines(buffer, 0, -1, false)
  local row
  for index, line in ipairs(lines) do
    if line:match("^%s+practices ") then row = index - 1; break end
  end
  check(row ~= nil, "no practices line")
  local line = lines[row + 1] .. ", change-ena"
  vim.api.nvim_buf_set_lines(buffer, row, row + 1, false, { line })
  local client = vim.lsp.get_client_by_id(client_id)
  local responses = vim.lsp.buf_request_sync(buffer, "textDocument/completion", {
    textDocument = { uri = vim.uri_from_bufnr(buffer) },
    position = { line = row, character = #line },
  }, 10000)
  local items = {}
  for _, response in pairs(responses or {}) do
    local result = response.result or {}
    for _, item in ipairs(result.items or result) do table.insert(items, item) end
  end
  local chosen
  for _, item in ipairs(items) do
    if item.label == "change-enablement" then chosen = item end
  end
  check(chosen ~= nil, "change-enablement was not offered (" .. #items .. " items)")
  vim.lsp.util.apply_text_edits({ chosen.textEdit }, buffer, client.offset_encoding or "utf-16")
  local completed = vim.api.nvim_buf_get_lines(buffer, row, row + 1, false)[1]
  check(completed:match(", change%-enablement$") ~= nil, "the completion gave: " .. completed)

  -- 3. Rename the step `triage` from its use on the `main` line.
  lines = vim.api.nvim_buf_get_lines(buffer, 0, -1, false)
  local flow_row, column
  for index, text in ipairs(lines) do
    if text:match("^main ") then
      flow_row = index - 1
      column = text:find("triage", 1, true)
    end
  end
  check(flow_row ~= nil and column ~= nil, "no main line naming triage")
  local renamed = vim.lsp.buf_request_sync(buffer, "textDocument/rename", {
    textDocument = { uri = vim.uri_from_bufnr(buffer) },
    position = { line = flow_row, character = column },
    newName = "log-and-classify",
  }, 10000)
  local edit
  for _, response in pairs(renamed or {}) do edit = response.result end
  check(edit ~= nil, "no rename result")
  vim.lsp.util.apply_workspace_edit(edit, client.offset_encoding or "utf-16")
  local text = table.concat(vim.api.nvim_buf_get_lines(buffer, 0, -1, false), "\n")
  check(text:find("triage", 1, true) == nil, "triage is still written after the rename")
  check(text:find("step log-and-classify", 1, true) ~= nil, "the declaration was not renamed")
  check(text:find("-> log-and-classify ->", 1, true) ~= nil, "the flow was not renamed")

  -- After the edits the server checks again: the same findings, nothing new from the completion or the rename.
  local settled = vim.wait(5000, function()
    local now = vim.diagnostic.get(buffer)
    if #now ~= before then return false end
    for _, diagnostic in ipairs(now) do
      if tostring(diagnostic.code) ~= "VS308" then return false end
    end
    return true
  end, 50)
  check(settled, "after the edits expected " .. before .. " VS308, got " .. #vim.diagnostic.get(buffer) .. " diagnostics")
end)

if not ok then fail(tostring(err)) end
io.stdout:write("neovim: diagnostics, completion of a practice and rename of a step all hold\n")
vim.cmd("qa!")
