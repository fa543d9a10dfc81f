{{%AUTOESCAPE context="HTML"}}<h1>{{heading}}</h1>
<p class="font-lead">{{text}}</p>
<p><a class="function-link" href="{{link_href}}">{{link_label}}</a></p>
