/* Entry point WPS loads (index.html): the ribbon callbacks must be global and synchronous. */
/* global JianfuRibbon */
"use strict";

function OnAddinLoad(ribbonUI) {
  return JianfuRibbon.onLoad(ribbonUI);
}

function OnJianfuAction(control) {
  return JianfuRibbon.onAction(control);
}

function GetJianfuImage(control) {
  return JianfuRibbon.image(control);
}
