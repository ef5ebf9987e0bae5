<#
.SYNOPSIS
  jianfu 每用户部署（Windows）：登录时启动本地检查服务（计划任务），并为当前用户注册 WPS 加载项。
.DESCRIPTION
  以桌面用户身份运行（不需要管理员）：
    powershell -ExecutionPolicy Bypass -File deploy\windows\install.ps1 [-Port 8737] [-Config C:\jianfu\jianfu.toml] [-Online]
  计划任务名为 jianfu-serve，触发器为当前用户登录；服务日志写到 %LOCALAPPDATA%\jianfu\serve.log。
  加载项复制到 %APPDATA%\kingsoft\wps\jsaddons\jianfu_<版本>\，并合并登记到同一文件夹的 publish.xml
  （其他加载项的登记保持不变）。
#>
[CmdletBinding()]
param(
  [int]$Port = 8737,
  [string]$Config = "",
  [switch]$Online,
  [switch]$NoAddin,
  [string]$Jianfu = ""
)
$ErrorActionPreference = "Stop"
try { [Console]::OutputEncoding = [System.Text.Encoding]::UTF8 } catch { }

function Find-Jianfu([string]$explicit) {
  if ($explicit) { return (Resolve-Path $explicit).Path }
  $command = Get-Command jianfu -ErrorAction SilentlyContinue
  if (-not $command) { throw "找不到 jianfu 命令。请先按《部署指南》用 pipx 或 pip 安装，或用 -Jianfu 指定 jianfu.exe 的路径。" }
  return $command.Source
}

# pythonw.exe runs the service without a console window; it sits next to jianfu.exe in a venv,
# or in pipx's venv when jianfu.exe is pipx's copy in ~\.local\bin.
function Find-PythonW([string]$jianfuExe) {
  $candidates = @(
    (Join-Path (Split-Path $jianfuExe) "pythonw.exe"),
    (Join-Path $env:USERPROFILE "pipx\venvs\jianfu\Scripts\pythonw.exe"),
    (Join-Path $env:LOCALAPPDATA "pipx\pipx\venvs\jianfu\Scripts\pythonw.exe")
  )
  foreach ($candidate in $candidates) { if (Test-Path $candidate) { return $candidate } }
  return $null
}

$jianfuExe = Find-Jianfu $Jianfu
$logDir = Join-Path $env:LOCALAPPDATA "jianfu"
New-Item -ItemType Directory -Force -Path $logDir | Out-Null
$serveArgs = "serve --port $Port --log-file `"$(Join-Path $logDir 'serve.log')`""
if ($Config) {
  if (-not (Test-Path $Config)) { throw "配置文件 $Config 不存在。" }
  $serveArgs += " --config `"$((Resolve-Path $Config).Path)`""
}
$pythonw = Find-PythonW $jianfuExe
if ($pythonw) {
  $action = New-ScheduledTaskAction -Execute $pythonw -Argument "-m jianfu $serveArgs"
} else {
  Write-Warning "未找到 pythonw.exe，服务将在一个控制台窗口中运行。"
  $action = New-ScheduledTaskAction -Execute $jianfuExe -Argument $serveArgs
}
$trigger = New-ScheduledTaskTrigger -AtLogOn -User "$env:USERDOMAIN\$env:USERNAME"
$settings = New-ScheduledTaskSettingsSet -ExecutionTimeLimit ([TimeSpan]::Zero) -RestartCount 3 `
  -RestartInterval (New-TimeSpan -Minutes 1) -AllowStartIfOnBatteries -DontStopIfGoingOnBatteries -MultipleInstances IgnoreNew
$principal = New-ScheduledTaskPrincipal -UserId "$env:USERDOMAIN\$env:USERNAME" -LogonType Interactive -RunLevel Limited
Register-ScheduledTask -TaskName "jianfu-serve" -Action $action -Trigger $trigger -Settings $settings `
  -Principal $principal -Description "jianfu 减负检查本地服务（WPS 加载项使用）" -Force | Out-Null
Stop-ScheduledTask -TaskName "jianfu-serve" -ErrorAction SilentlyContinue  # an upgrade restarts with the new version
Start-ScheduledTask -TaskName "jianfu-serve"
Write-Host "计划任务 jianfu-serve 已注册并启动：http://127.0.0.1:$Port/healthz"

if (-not $NoAddin) {
  if ($Online) { & $jianfuExe wps install --online "http://127.0.0.1:$Port/wps/" } else { & $jianfuExe wps install }
  if ($LASTEXITCODE -ne 0) { throw "WPS 加载项注册失败（见上方提示）。" }
}
