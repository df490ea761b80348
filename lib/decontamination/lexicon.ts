// Small built-in word lists for the name-masked skeleton. They only need to be good enough that a
// problem and its renamed copy mask the same positions; both sides go through the same lists.

// Capitalised words that are NOT names: sentence starters, titles, calendar words, math words.
// Any other capitalised word (even sentence-initial) is treated as a person or place name.
export const NON_NAME_CAPITALISED = new Set(
  `a an the if in on at of for to from by with without into onto over under after before during since
  until while when where why how what which who whom whose there here this that these those then than
  thus so but and or nor not no yes all any some each every both either neither many much most more
  few several such other another same let suppose assume given consider define find compute calculate
  determine evaluate simplify solve show prove express write give enter round use note recall say
  she he they it we you i her his their its our your my me him them us is are was were be been being
  am do does did can could will would should must may might shall has have had also only just even
  once now today yesterday tomorrow tonight last next first second third finally meanwhile however
  additionally moreover furthermore therefore hence later earlier again instead altogether together
  total overall answer problem question part case point points line lines triangle circle square
  rectangle polygon angle segment function sequence set let's monday tuesday wednesday thursday
  friday saturday sunday january february march april may june july august september october
  november december mr mrs ms miss dr prof sir madam st mt ave rd fig figure table usd dollars
  cents percent half quarter one two three four five six seven eight nine ten eleven twelve twenty
  thirty hundred thousand million according including assuming starting beginning following
  initially originally currently recently usually always never sometimes every as like about
  around between among against along across through throughout upon within per via`.split(/\s+/),
);

// Countable things that word problems swap freely ("apples" -> "oranges"). Stored as the stemmed
// forms produced by the tokenizer.
export const OBJECT_WORDS_RAW = `apple orange banana pear peach plum grape cherry strawberry lemon mango
  melon watermelon pineapple cookie cupcake muffin cake pie brownie candy candies chocolate donut
  doughnut sandwich pizza bagel egg carrot potato tomato pencil pen eraser marker crayon notebook book
  magazine sticker stamp card marble ball balloon toy doll car truck bike bicycle shirt sock shoe hat
  dress jacket flower rose tulip tree plant seed bead button ring necklace bracelet coin shell rock
  stone cup plate bowl bottle jar box bag basket bucket ticket chair table desk lamp phone computer
  game puzzle block brick tile feather leaf nut acorn fish bird dog cat puppy kitten chicken cow horse
  pig sheep goat rabbit duck hen frog toy`.split(/\s+/);
