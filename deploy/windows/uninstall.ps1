<#
.SYNOPSIS
  撤销 install.ps1：删除计划任务 jianfu-serve，注销当前用户的 jianfu WPS 加载项（其他加载项不受影响）。
  jianfu 本身用 pipx uninstall jianfu 或 pip uninstall jianfu 卸载。
#>
[CmdletBinding()]
param([string]$Jianfu = "")
$ErrorActionPreference = "Stop"
try { [Console]::OutputEncoding = [System.Text.Encoding]::UTF8 } catch { }

if (Get-ScheduledTask -TaskName "jianfu-serve" -ErrorAction SilentlyContinue) {
  Stop-ScheduledTask -TaskName "jianfu-serve" -ErrorAction SilentlyContinue
  Unregister-ScheduledTask -TaskName "jianfu-serve" -Confirm:$false
  Write-Host "已删除计划任务 jianfu-serve"
}
$command = if ($Jianfu) { $Jianfu } else { (Get-Command jianfu -ErrorAction SilentlyContinue).Source }
if ($command) {
  & $command wps uninstall
} else {
  Write-Warning "找不到 jianfu 命令，未能注销加载项；可手动删除 %APPDATA%\kingsoft\wps\jsaddons\ 中的 jianfu_* 文件夹及 publish.xml 中 name=`"jianfu`" 的条目。"
}
