;; The byte half of the marker scanner: finds the lines that hold a rule's anchor and normalizes
;; them, a batch at a time, so the JavaScript half only decodes the batch and runs the rules'
;; regexes. Every log byte passes through here, which is why it is WebAssembly (SIMD for newlines
;; and plain runs of text) and not a JavaScript loop.
;;
;; `scan-kernel.ts` builds the tables and lays out memory as the table in `scan-kernel-layout.ts`
;; says: each `{...}` placeholder below is one of its numbers, filled in by `npm run build`, which
;; then assembles this file into `scan-kernel-wasm.ts` (see KERNEL.md). Addresses are absolute;
;; `scan` and `normalizeLine` take and record offsets relative to the input and text regions.
;;
;; Anchor search is Wu-Manber: a shift table over three-byte blocks of each anchor's first
;; `window` bytes, hashed to 12 bits (see $block), and per hash the list of anchors whose window
;; ends with a block of that hash. Two-byte blocks made one position in nine a false hit on logs
;; ("in", "ng", "er" end many words); three-byte blocks, one in thirty. A 12-bit table (4 KiB)
;; stays in the L1 cache.
;;
;; Normalization turns a raw log line into the text a tool printed: without the runner's
;; timestamp (any fraction precision, or none), the `gh run view --log` job/step columns, escape
;; sequences (CSI, OSC ended by BEL or ESC \, two-byte), a BOM, a trailing CR, or a
;; `##[warning]`-style prefix; and, for matching, without task-runner tags (`[test:code] `,
;; BuildKit's `#12 3.456 `). What it removes begins and ends at ASCII bytes (or the line's end),
;; so the text of a UTF-8 line stays UTF-8.
(module
  ;; The fixed regions (level prefixes, timestamp digits, shift table, bucket heads) and the
  ;; fields of an anchor entry and of a record are in `scan-kernel-layout.ts`.
  (memory (export "memory") 1)

  ;; The runner's level prefixes, each as its length then its bytes; a zero length ends them.
  (data (i32.const {LEVEL_PREFIXES}) "\09##[error]\0b##[warning]\0a##[notice]\09##[debug]\08##[info]\0b##[command]\00")
  ;; Where a timestamp `2025-12-16T23:20:13` has digits.
  (data (i32.const {STAMP_DIGITS}) "\00\01\02\03\05\06\08\09\0b\0c\0e\0f\11\12")

  (global $STAMP_DIGITS i32 (i32.const {STAMP_DIGITS}))

  (global $window (mut i32) (i32.const 2))
  (global $input (mut i32) (i32.const 0))
  (global $text (mut i32) (i32.const 0))
  (global $recordBase (mut i32) (i32.const 0))
  (global $candidateBase (mut i32) (i32.const 0))
  (global $seen (mut i32) (i32.const 0))
  (global $maxLine (mut i32) (i32.const 0))
  (global $batchBytes (mut i32) (i32.const 0))
  (global $maxRecords (mut i32) (i32.const 0))
  (global $candidateLimit (mut i32) (i32.const 0))
  (global $generation (mut i32) (i32.const 0))

  ;; Results of the last `scan`: records written, and candidate anchor ids written.
  (global $records (export "records") (mut i32) (i32.const 0))
  (global $candidates (mut i32) (i32.const 0))

  ;; Results of the last `$normalize`, absolute.
  (global $textStart (mut i32) (i32.const 0))
  (global $tagless (mut i32) (i32.const 0))
  (global $textEnd (mut i32) (i32.const 0))
  (global $timeStart (mut i32) (i32.const 0))
  (global $timeEnd (mut i32) (i32.const 0))
  (global $carriageReturn (mut i32) (i32.const 0))

  (func (export "configure")
    (param $window i32) (param $input i32) (param $text i32) (param $recordBase i32)
    (param $candidateBase i32) (param $seen i32) (param $maxLine i32) (param $batchBytes i32)
    (param $maxRecords i32) (param $candidateLimit i32)
    (global.set $window (local.get $window))
    (global.set $input (local.get $input))
    (global.set $text (local.get $text))
    (global.set $recordBase (local.get $recordBase))
    (global.set $candidateBase (local.get $candidateBase))
    (global.set $seen (local.get $seen))
    (global.set $maxLine (local.get $maxLine))
    (global.set $batchBytes (local.get $batchBytes))
    (global.set $maxRecords (local.get $maxRecords))
    (global.set $candidateLimit (local.get $candidateLimit)))

  (func $isDigit (param $byte i32) (result i32)
    (i32.lt_u (i32.sub (local.get $byte) (i32.const 48)) (i32.const 10)))

  ;; The bytes at $a and $b are equal for $length bytes.
  (func $equal (param $a i32) (param $b i32) (param $length i32) (result i32)
    (local $k i32)
    (block $differ
      (loop $next
        (if (i32.ge_u (local.get $k) (local.get $length)) (then (return (i32.const 1))))
        (br_if $differ
          (i32.ne
            (i32.load8_u (i32.add (local.get $a) (local.get $k)))
            (i32.load8_u (i32.add (local.get $b) (local.get $k)))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next)))
    (i32.const 0))

  ;; The hash of the three bytes at $at, as `scan-kernel.ts` computes it.
  (func $block (param $at i32) (result i32)
    (i32.shr_u
      (i32.mul (i32.and (i32.load (local.get $at)) (i32.const 0xffffff)) (i32.const {HASH_MULTIPLIER}))
      (i32.const {HASH_SHIFT})))

  ;; Start of the first anchor in [$from, $to), or -1 ($collectAt then says which). The loop is the
  ;; hottest in the scanner: it walks the block that ends each window ($at is its first byte),
  ;; with $block inlined and the tables at their fixed addresses. Each step is a chain of
  ;; dependent loads, so the step also loads the shifts one and two full shifts ahead, which do
  ;; not wait for this one: most shifts are full, and then it moves three shifts for the latency
  ;; of one. Those loads read up to 2 * window bytes past $to (the input region has room).
  (func $find (param $from i32) (param $to i32) (result i32)
    (local $at i32) (local $limit i32) (local $block i32) (local $shift i32) (local $start i32)
    (local $entry i32) (local $length i32) (local $back i32) (local $full i32)
    (local $aheadBlock i32) (local $ahead i32) (local $ahead2 i32)
    (local.set $back (i32.sub (global.get $window) (i32.const 3)))
    (local.set $full (i32.sub (global.get $window) (i32.const 2)))
    (local.set $at (i32.add (local.get $from) (local.get $back)))
    (local.set $limit (i32.sub (local.get $to) (i32.const 2)))
    (block $none
      (loop $step
        (br_if $none (i32.ge_u (local.get $at) (local.get $limit)))
        (local.set $block
          (i32.shr_u
            (i32.mul
              (i32.and (i32.load (local.get $at)) (i32.const 0xffffff))
              (i32.const {HASH_MULTIPLIER}))
            (i32.const {HASH_SHIFT})))
        (local.set $shift (i32.load8_u offset={SHIFT_TABLE} (local.get $block)))
        (local.set $aheadBlock
          (i32.shr_u
            (i32.mul
              (i32.and (i32.load (i32.add (local.get $at) (local.get $full))) (i32.const 0xffffff))
              (i32.const {HASH_MULTIPLIER}))
            (i32.const {HASH_SHIFT})))
        (local.set $ahead (i32.load8_u offset={SHIFT_TABLE} (local.get $aheadBlock)))
        (local.set $ahead2
          (i32.load8_u offset={SHIFT_TABLE}
            (i32.shr_u
              (i32.mul
                (i32.and
                  (i32.load (i32.add (local.get $at) (i32.shl (local.get $full) (i32.const 1))))
                  (i32.const 0xffffff))
                (i32.const {HASH_MULTIPLIER}))
              (i32.const {HASH_SHIFT}))))
        (if (local.get $shift)
          (then
            (if (i32.and
                  (i32.eq (local.get $shift) (local.get $full))
                  (i32.ne (local.get $ahead) (i32.const 0)))
              (then
                (if (i32.and
                      (i32.eq (local.get $ahead) (local.get $full))
                      (i32.ne (local.get $ahead2) (i32.const 0)))
                  (then
                    (local.set $at
                      (i32.add (local.get $at)
                        (i32.add (i32.shl (local.get $full) (i32.const 1)) (local.get $ahead2)))))
                  (else
                    (local.set $at
                      (i32.add (local.get $at) (i32.add (local.get $full) (local.get $ahead)))))))
              (else (local.set $at (i32.add (local.get $at) (local.get $shift)))))
            (br $step)))
        (local.set $start (i32.sub (local.get $at) (local.get $back)))
        (local.set $entry (i32.load offset={BUCKET_HEADS} (i32.shl (local.get $block) (i32.const 2))))
        (block $checked
          (loop $candidate
            (br_if $checked (i32.eqz (local.get $entry)))
            (local.set $length (i32.load offset={ENTRY_LENGTH} (local.get $entry)))
            (if (i32.le_u (i32.add (local.get $start) (local.get $length)) (local.get $to))
              (then
                (if (call $equal
                      (local.get $start)
                      (i32.load offset={ENTRY_BYTES_AT} (local.get $entry))
                      (local.get $length))
                  (then (return (local.get $start))))))
            (local.set $entry (i32.load offset={ENTRY_NEXT} (local.get $entry)))
            (br $candidate)))
        (local.set $at (i32.add (local.get $at) (i32.const 1)))
        (br $step)))
    (i32.const -1))

  ;; Records, once per line, the id of every anchor that starts at $start and ends by $end.
  (func $collectAt (param $start i32) (param $end i32)
    (local $block i32) (local $entry i32) (local $length i32) (local $id i32) (local $mark i32)
    (local.set $block
      (call $block (i32.sub (i32.add (local.get $start) (global.get $window)) (i32.const 3))))
    (local.set $entry (i32.load offset={BUCKET_HEADS} (i32.shl (local.get $block) (i32.const 2))))
    (block $done
      (loop $candidate
        (br_if $done (i32.eqz (local.get $entry)))
        (local.set $length (i32.load offset={ENTRY_LENGTH} (local.get $entry)))
        (if (i32.le_u (i32.add (local.get $start) (local.get $length)) (local.get $end))
          (then
            (if (call $equal
                  (local.get $start) (i32.load offset={ENTRY_BYTES_AT} (local.get $entry)) (local.get $length))
              (then
                (local.set $id (i32.load offset={ENTRY_ID} (local.get $entry)))
                (local.set $mark
                  (i32.add (global.get $seen) (i32.shl (local.get $id) (i32.const 2))))
                (if (i32.ne (i32.load (local.get $mark)) (global.get $generation))
                  (then
                    (i32.store (local.get $mark) (global.get $generation))
                    (i32.store
                      (i32.add
                        (global.get $candidateBase)
                        (i32.shl (global.get $candidates) (i32.const 2)))
                      (local.get $id))
                    (global.set $candidates
                      (i32.add (global.get $candidates) (i32.const 1)))))))))
        (local.set $entry (i32.load offset={ENTRY_NEXT} (local.get $entry)))
        (br $candidate))))

  ;; The first newline at or after $at (one is known to come).
  (func $newlineFrom (param $at i32) (result i32)
    (local $mask i32)
    (loop $block
      (local.set $mask
        (i8x16.bitmask (i8x16.eq (v128.load (local.get $at)) (i8x16.splat (i32.const 10)))))
      (if (local.get $mask)
        (then (return (i32.add (local.get $at) (i32.ctz (local.get $mask))))))
      (local.set $at (i32.add (local.get $at) (i32.const 16)))
      (br $block))
    (unreachable))

  ;; The start of the line holding $at, looking back no further than $floor.
  (func $lineStartOf (param $at i32) (param $floor i32) (result i32)
    (local $mask i32)
    (block $scalar
      (loop $block
        (br_if $scalar
          (i32.lt_u (i32.sub (local.get $at) (local.get $floor)) (i32.const 16)))
        (local.set $mask
          (i8x16.bitmask
            (i8x16.eq
              (v128.load (i32.sub (local.get $at) (i32.const 16)))
              (i8x16.splat (i32.const 10)))))
        (if (local.get $mask)
          (then
            (return
              (i32.sub
                (i32.add (local.get $at) (i32.const 16))
                (i32.clz (local.get $mask))))))
        (local.set $at (i32.sub (local.get $at) (i32.const 16)))
        (br $block)))
    (block $found
      (loop $byte
        (br_if $found (i32.le_u (local.get $at) (local.get $floor)))
        (br_if $found
          (i32.eq (i32.load8_u (i32.sub (local.get $at) (i32.const 1))) (i32.const 10)))
        (local.set $at (i32.sub (local.get $at) (i32.const 1)))
        (br $byte)))
    (local.get $at))

  ;; Where a leading `2025-12-16T23:20:13[.fraction]Z ` ends (the space included), or 0.
  (func $stampEnd (param $start i32) (param $end i32) (result i32)
    (local $k i32) (local $at i32)
    (if (i32.lt_s (i32.sub (local.get $end) (local.get $start)) (i32.const 20))
      (then (return (i32.const 0))))
    (if (i32.or
          (i32.or
            (i32.ne (i32.load8_u offset=4 (local.get $start)) (i32.const 45))
            (i32.ne (i32.load8_u offset=7 (local.get $start)) (i32.const 45)))
          (i32.or
            (i32.ne (i32.load8_u offset=10 (local.get $start)) (i32.const 84))
            (i32.or
              (i32.ne (i32.load8_u offset=13 (local.get $start)) (i32.const 58))
              (i32.ne (i32.load8_u offset=16 (local.get $start)) (i32.const 58)))))
      (then (return (i32.const 0))))
    (loop $digit
      (if (i32.eqz
            (call $isDigit
              (i32.load8_u
                (i32.add
                  (local.get $start)
                  (i32.load8_u (i32.add (global.get $STAMP_DIGITS) (local.get $k)))))))
        (then (return (i32.const 0))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br_if $digit (i32.lt_u (local.get $k) (i32.const 14))))
    (local.set $at (i32.add (local.get $start) (i32.const 19)))
    (if (i32.eq (i32.load8_u (local.get $at)) (i32.const 46))
      (then
        (local.set $at (i32.add (local.get $at) (i32.const 1)))
        (block $end
          (loop $fraction
            (br_if $end (i32.ge_u (local.get $at) (local.get $end)))
            (br_if $end (i32.eqz (call $isDigit (i32.load8_u (local.get $at)))))
            (local.set $at (i32.add (local.get $at) (i32.const 1)))
            (br $fraction)))))
    (if (i32.ge_u (local.get $at) (local.get $end)) (then (return (i32.const 0))))
    (if (i32.ne (i32.load8_u (local.get $at)) (i32.const 90)) (then (return (i32.const 0))))
    (local.set $at (i32.add (local.get $at) (i32.const 1)))
    (if (i32.eq (local.get $at) (local.get $end)) (then (return (local.get $at))))
    (if (result i32) (i32.eq (i32.load8_u (local.get $at)) (i32.const 32))
      (then (i32.add (local.get $at) (i32.const 1)))
      (else (i32.const 0))))

  ;; After `job<TAB>step<TAB>` when a timestamp follows (`gh run view --log`), else $start.
  (func $afterColumns (param $start i32) (param $end i32) (result i32)
    (local $first i32) (local $second i32)
    (local.set $first (local.get $start))
    (block $found
      (loop $byte
        (br_if $found (i32.ge_u (local.get $first) (local.get $end)))
        (br_if $found (i32.eq (i32.load8_u (local.get $first)) (i32.const 9)))
        (local.set $first (i32.add (local.get $first) (i32.const 1)))
        (br $byte)))
    (local.set $second (i32.add (local.get $first) (i32.const 1)))
    (block $found
      (loop $byte
        (br_if $found (i32.ge_u (local.get $second) (local.get $end)))
        (br_if $found (i32.eq (i32.load8_u (local.get $second)) (i32.const 9)))
        (local.set $second (i32.add (local.get $second) (i32.const 1)))
        (br $byte)))
    (if (i32.ge_u (local.get $second) (local.get $end)) (then (return (local.get $start))))
    (local.set $second (i32.add (local.get $second) (i32.const 1)))
    (if (result i32) (call $stampEnd (local.get $second) (local.get $end))
      (then (local.get $second))
      (else (local.get $start))))

  ;; The end of the escape sequence at $at: CSI, OSC (ended by BEL or ESC \, else by the line's
  ;; end) or two bytes.
  (func $escapeEnd (param $at i32) (param $end i32) (result i32)
    (local $next i32) (local $kind i32)
    (local.set $next (i32.add (local.get $at) (i32.const 1)))
    (local.set $kind (i32.load8_u (local.get $next)))
    (if (i32.eq (local.get $kind) (i32.const 91))
      (then
        (local.set $next (i32.add (local.get $next) (i32.const 1)))
        (block $done
          (loop $parameter
            (br_if $done (i32.ge_u (local.get $next) (local.get $end)))
            (br_if $done
              (i32.ge_u (i32.sub (i32.load8_u (local.get $next)) (i32.const 0x30)) (i32.const 16)))
            (local.set $next (i32.add (local.get $next) (i32.const 1)))
            (br $parameter)))
        (block $done
          (loop $intermediate
            (br_if $done (i32.ge_u (local.get $next) (local.get $end)))
            (br_if $done
              (i32.ge_u (i32.sub (i32.load8_u (local.get $next)) (i32.const 0x20)) (i32.const 16)))
            (local.set $next (i32.add (local.get $next) (i32.const 1)))
            (br $intermediate)))
        (return (call $min (call $asciiEnd (local.get $next)) (local.get $end)))))
    (if (i32.eq (local.get $kind) (i32.const 93))
      (then
        (local.set $next (i32.add (local.get $next) (i32.const 1)))
        (block $done
          (loop $string
            (br_if $done (i32.ge_u (local.get $next) (local.get $end)))
            (if (i32.eq (i32.load8_u (local.get $next)) (i32.const 7))
              (then (return (i32.add (local.get $next) (i32.const 1)))))
            (if (i32.and
                  (i32.eq (i32.load8_u (local.get $next)) (i32.const 27))
                  (i32.eq (i32.load8_u offset=1 (local.get $next)) (i32.const 92)))
              (then (return (i32.add (local.get $next) (i32.const 2)))))
            (local.set $next (i32.add (local.get $next) (i32.const 1)))
            (br $string)))
        (return (local.get $end))))
    (call $min (call $asciiEnd (local.get $next)) (local.get $end)))

  ;; Past the byte at $at when it is ASCII, else $at: the byte that ends an escape sequence is
  ;; taken only when ASCII, so that the text of a UTF-8 line stays UTF-8.
  (func $asciiEnd (param $at i32) (result i32)
    (i32.add (local.get $at) (i32.lt_u (i32.load8_u (local.get $at)) (i32.const 0x80))))

  (func $min (param $a i32) (param $b i32) (result i32)
    (select (local.get $a) (local.get $b) (i32.lt_s (local.get $a) (local.get $b))))

  ;; The length of a `##[level]` prefix at $start, or 0.
  (func $levelPrefixLength (param $start i32) (param $end i32) (result i32)
    (local $level i32) (local $length i32) (local $k i32)
    (if (i32.or
          (i32.lt_s (i32.sub (local.get $end) (local.get $start)) (i32.const 3))
          (i32.or
            (i32.ne (i32.load8_u (local.get $start)) (i32.const 35))
            (i32.or
              (i32.ne (i32.load8_u offset=1 (local.get $start)) (i32.const 35))
              (i32.ne (i32.load8_u offset=2 (local.get $start)) (i32.const 91)))))
      (then (return (i32.const 0))))
    (local.set $level (i32.const {LEVEL_PREFIXES}))
    (loop $next
      (local.set $length (i32.load8_u (local.get $level)))
      (if (i32.eqz (local.get $length)) (then (return (i32.const 0))))
      (if (i32.ge_s (i32.sub (local.get $end) (local.get $start)) (local.get $length))
        (then
          (local.set $k (i32.const 3))
          (block $differ
            (loop $byte
              (br_if $differ (i32.ge_u (local.get $k) (local.get $length)))
              (br_if $differ
                (i32.ne
                  (i32.load8_u (i32.add (local.get $start) (local.get $k)))
                  (i32.load8_u offset=1 (i32.add (local.get $level) (local.get $k)))))
              (local.set $k (i32.add (local.get $k) (i32.const 1)))
              (br $byte)))
          (if (i32.eq (local.get $k) (local.get $length)) (then (return (local.get $length))))))
      (local.set $level (i32.add (local.get $level) (i32.add (local.get $length) (i32.const 1))))
      (br $next))
    (i32.const 0))

  (func $isBlank (param $byte i32) (result i32)
    (i32.or (i32.eq (local.get $byte) (i32.const 32)) (i32.eq (local.get $byte) (i32.const 9))))

  ;; After the digits from $at, below $end.
  (func $digitsEnd (param $at i32) (param $end i32) (result i32)
    (block $done
      (loop $digit
        (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
        (br_if $done (i32.eqz (call $isDigit (i32.load8_u (local.get $at)))))
        (local.set $at (i32.add (local.get $at) (i32.const 1)))
        (br $digit)))
    (local.get $at))

  ;; Where the text starts after lefthook/turbo `[tag]`s and BuildKit `#12 3.456` prefixes.
  (func $toolTagsEnd (param $start i32) (param $end i32) (result i32)
    (local $at i32) (local $kept i32) (local $next i32)
    (local.set $at (local.get $start))
    (local.set $kept (local.get $start))
    (block $done
      (loop $tag
        (block $blank
          (loop $skip
            (br_if $blank (i32.ge_u (local.get $at) (local.get $end)))
            (br_if $blank (i32.eqz (call $isBlank (i32.load8_u (local.get $at)))))
            (local.set $at (i32.add (local.get $at) (i32.const 1)))
            (br $skip)))
        (block $matched
          (if (i32.and
                (i32.lt_u (local.get $at) (local.get $end))
                (i32.eq (i32.load8_u (local.get $at)) (i32.const 91)))
            (then
              (local.set $next (i32.add (local.get $at) (i32.const 1)))
              (block $closed
                (loop $byte
                  (br_if $done (i32.ge_u (local.get $next) (local.get $end)))
                  (br_if $closed (i32.eq (i32.load8_u (local.get $next)) (i32.const 93)))
                  (local.set $next (i32.add (local.get $next) (i32.const 1)))
                  (br $byte)))
              (local.set $at (i32.add (local.get $next) (i32.const 1)))
              (br $matched)))
          (br_if $done (i32.ge_u (i32.add (local.get $at) (i32.const 1)) (local.get $end)))
          (br_if $done (i32.ne (i32.load8_u (local.get $at)) (i32.const 35)))
          (br_if $done (i32.eqz (call $isDigit (i32.load8_u offset=1 (local.get $at)))))
          (local.set $next
            (call $digitsEnd (i32.add (local.get $at) (i32.const 1)) (local.get $end)))
          (br_if $done (i32.ge_u (i32.add (local.get $next) (i32.const 1)) (local.get $end)))
          (br_if $done (i32.ne (i32.load8_u (local.get $next)) (i32.const 32)))
          (br_if $done (i32.eqz (call $isDigit (i32.load8_u offset=1 (local.get $next)))))
          (local.set $next
            (call $digitsEnd (i32.add (local.get $next) (i32.const 1)) (local.get $end)))
          (br_if $done (i32.ge_u (local.get $next) (local.get $end)))
          (br_if $done (i32.ne (i32.load8_u (local.get $next)) (i32.const 46)))
          (local.set $at
            (call $digitsEnd (i32.add (local.get $next) (i32.const 1)) (local.get $end))))
        (local.set $kept (local.get $at))
        (br $tag)))
    (local.get $kept))

  ;; Normalizes the line [$from, $to) (no newline) into the text region at $at; the result is
  ;; in $textStart, $tagless, $textEnd, $timeStart, $timeEnd (0 when none) and $carriageReturn.
  (func $normalize (param $from i32) (param $to i32) (param $at i32)
    (local $start i32) (local $end i32) (local $stamp i32) (local $i i32) (local $o i32)
    (local $byte i32) (local $chunk v128) (local $mask i32) (local $skip i32)
    (local.set $start (local.get $from))
    (local.set $end (local.get $to))
    (if (i32.and
          (i32.gt_s (local.get $end) (local.get $start))
          (i32.eq (i32.load8_u (i32.sub (local.get $end) (i32.const 1))) (i32.const 13)))
      (then (local.set $end (i32.sub (local.get $end) (i32.const 1)))))
    ;; A BOM: a line cut by its cap may hold only part of one.
    (if (i32.and
          (i32.and
            (i32.ge_s (i32.sub (local.get $end) (local.get $start)) (i32.const 3))
            (i32.eq (i32.load8_u (local.get $start)) (i32.const 0xef)))
          (i32.and
            (i32.eq (i32.load8_u offset=1 (local.get $start)) (i32.const 0xbb))
            (i32.eq (i32.load8_u offset=2 (local.get $start)) (i32.const 0xbf))))
      (then (local.set $start (i32.add (local.get $start) (i32.const 3)))))
    (global.set $timeStart (i32.const 0))
    (global.set $timeEnd (i32.const 0))
    (local.set $stamp (call $stampEnd (local.get $start) (local.get $end)))
    (if (i32.eqz (local.get $stamp))
      (then
        (local.set $start (call $afterColumns (local.get $start) (local.get $end)))
        (local.set $stamp (call $stampEnd (local.get $start) (local.get $end)))))
    (if (local.get $stamp)
      (then
        (global.set $timeStart (local.get $start))
        (global.set $timeEnd
          (select
            (i32.sub (local.get $stamp) (i32.const 1))
            (local.get $stamp)
            (i32.eq (i32.load8_u (i32.sub (local.get $stamp) (i32.const 1))) (i32.const 32))))
        (local.set $start (local.get $stamp))))
    (global.set $carriageReturn (i32.const 0))
    (local.set $i (local.get $start))
    (local.set $o (local.get $at))
    ;; Sixteen bytes at a time while they hold no ESC or CR; the text region has room for the
    ;; whole block past the line's end.
    (block $copied
      (loop $copy
        (br_if $copied (i32.ge_s (local.get $i) (local.get $end)))
        (if (i32.le_s (i32.add (local.get $i) (i32.const 16)) (local.get $end))
          (then
            (local.set $chunk (v128.load (local.get $i)))
            (v128.store (local.get $o) (local.get $chunk))
            (local.set $mask
              (i8x16.bitmask
                (v128.or
                  (i8x16.eq (local.get $chunk) (i8x16.splat (i32.const 27)))
                  (i8x16.eq (local.get $chunk) (i8x16.splat (i32.const 13))))))
            (if (i32.eqz (local.get $mask))
              (then
                (local.set $i (i32.add (local.get $i) (i32.const 16)))
                (local.set $o (i32.add (local.get $o) (i32.const 16)))
                (br $copy)))
            (local.set $skip (i32.ctz (local.get $mask)))
            (local.set $i (i32.add (local.get $i) (local.get $skip)))
            (local.set $o (i32.add (local.get $o) (local.get $skip)))))
        (local.set $byte (i32.load8_u (local.get $i)))
        (if (i32.eq (local.get $byte) (i32.const 27))
          (then
            (local.set $i (call $escapeEnd (local.get $i) (local.get $end)))
            (br $copy)))
        (if (i32.eq (local.get $byte) (i32.const 13))
          (then (global.set $carriageReturn (i32.const {FLAG_CARRIAGE_RETURN}))))
        (i32.store8 (local.get $o) (local.get $byte))
        (local.set $o (i32.add (local.get $o) (i32.const 1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $copy)))
    (global.set $textStart
      (i32.add (local.get $at) (call $levelPrefixLength (local.get $at) (local.get $o))))
    (global.set $textEnd (local.get $o))
    (global.set $tagless (call $toolTagsEnd (global.get $textStart) (local.get $o))))

  ;; Appends a record for the line [$lineStart, $stop) just normalized. Fields (i32): line start
  ;; and stop (input offsets), text start, tagless and end (text offsets), time start and end
  ;; (input offsets, both 0 when none), flags (carriage return), and the range of its candidate
  ;; anchor ids.
  (func $record (param $lineStart i32) (param $stop i32) (param $firstCandidate i32)
    (local $at i32)
    (local.set $at
      (i32.add
        (global.get $recordBase)
        (i32.mul (global.get $records) (i32.const {RECORD_BYTES}))))
    (i32.store offset={RECORD_LINE_START} (local.get $at) (i32.sub (local.get $lineStart) (global.get $input)))
    (i32.store offset={RECORD_LINE_STOP} (local.get $at) (i32.sub (local.get $stop) (global.get $input)))
    (i32.store offset={RECORD_TEXT_START} (local.get $at) (i32.sub (global.get $textStart) (global.get $text)))
    (i32.store offset={RECORD_TAGLESS} (local.get $at) (i32.sub (global.get $tagless) (global.get $text)))
    (i32.store offset={RECORD_TEXT_END} (local.get $at) (i32.sub (global.get $textEnd) (global.get $text)))
    (if (global.get $timeEnd)
      (then
        (i32.store offset={RECORD_TIME_START} (local.get $at) (i32.sub (global.get $timeStart) (global.get $input)))
        (i32.store offset={RECORD_TIME_END} (local.get $at) (i32.sub (global.get $timeEnd) (global.get $input))))
      (else
        (i32.store offset={RECORD_TIME_START} (local.get $at) (i32.const 0))
        (i32.store offset={RECORD_TIME_END} (local.get $at) (i32.const 0))))
    (i32.store offset={RECORD_FLAGS} (local.get $at) (global.get $carriageReturn))
    (i32.store offset={RECORD_CANDIDATES_START} (local.get $at) (local.get $firstCandidate))
    (i32.store offset={RECORD_CANDIDATES_END} (local.get $at) (global.get $candidates))
    (global.set $records (i32.add (global.get $records) (i32.const 1))))

  ;; Scans the whole lines of input[$from, $to) ($to just past a newline) and records each line
  ;; that holds an anchor within its first maxLine bytes (every line when $everyLine), until the
  ;; batch is full. Returns where it stopped: $to, or the start of the next line.
  (func (export "scan") (param $from i32) (param $to i32) (param $everyLine i32) (result i32)
    (local $position i32) (local $end i32) (local $hit i32) (local $lineStart i32)
    (local $lineEnd i32) (local $stop i32) (local $firstCandidate i32) (local $at i32)
    (local $textAt i32)
    (local.set $position (i32.add (global.get $input) (local.get $from)))
    (local.set $end (i32.add (global.get $input) (local.get $to)))
    (local.set $textAt (global.get $text))
    (global.set $records (i32.const 0))
    (global.set $candidates (i32.const 0))
    (loop $line
      (if (i32.ge_u (local.get $position) (local.get $end)) (then (return (local.get $to))))
      (local.set $hit
        (if (result i32) (local.get $everyLine)
          (then (local.get $position))
          (else (call $find (local.get $position) (local.get $end)))))
      (if (i32.lt_s (local.get $hit) (i32.const 0)) (then (return (local.get $to))))
      (local.set $lineStart (call $lineStartOf (local.get $hit) (local.get $position)))
      (local.set $lineEnd (call $newlineFrom (local.get $hit)))
      (local.set $stop (local.get $lineEnd))
      (if (i32.gt_s (i32.sub (local.get $lineEnd) (local.get $lineStart)) (global.get $maxLine))
        (then (local.set $stop (i32.add (local.get $lineStart) (global.get $maxLine)))))
      (local.set $position (i32.add (local.get $lineEnd) (i32.const 1)))
      ;; An anchor past the cap is not seen: the line is skipped as if it had none.
      (if (i32.and (i32.eqz (local.get $everyLine)) (i32.ge_u (local.get $hit) (local.get $stop)))
        (then (br $line)))
      (local.set $firstCandidate (global.get $candidates))
      (if (i32.eqz (local.get $everyLine))
        (then
          (global.set $generation (i32.add (global.get $generation) (i32.const 1)))
          (local.set $at (local.get $hit))
          (loop $anchor
            (call $collectAt (local.get $at) (local.get $stop))
            (local.set $at
              (call $find (i32.add (local.get $at) (i32.const 1)) (local.get $stop)))
            (br_if $anchor (i32.ge_s (local.get $at) (i32.const 0))))))
      (call $normalize (local.get $lineStart) (local.get $stop) (local.get $textAt))
      (call $record (local.get $lineStart) (local.get $stop) (local.get $firstCandidate))
      (local.set $textAt (global.get $textEnd))
      (br_if $line
        (i32.and
          (i32.lt_u
            (i32.sub (local.get $textAt) (global.get $text))
            (global.get $batchBytes))
          (i32.and
            (i32.lt_u (global.get $records) (global.get $maxRecords))
            (i32.lt_u (global.get $candidates) (global.get $candidateLimit))))))
    (i32.sub (local.get $position) (global.get $input)))

  ;; Normalizes input[$from, $to) into the text region as record 0.
  (func (export "normalizeLine") (param $from i32) (param $to i32)
    (global.set $records (i32.const 0))
    (global.set $candidates (i32.const 0))
    (call $normalize
      (i32.add (global.get $input) (local.get $from))
      (i32.add (global.get $input) (local.get $to))
      (global.get $text))
    (call $record
      (i32.add (global.get $input) (local.get $from))
      (i32.add (global.get $input) (local.get $to))
      (i32.const 0))))
